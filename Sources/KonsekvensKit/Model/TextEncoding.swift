/// The text encoding the reader decoded a file with.
public enum TextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// The fallback for bytes that are not valid UTF-8 (also covers ISO-8859-1's letters).
    case windows1252 = "Windows-1252"
}
