/// Where a report goes: handed its UTF-8 bytes piece by piece, in order. Only the whole is
/// text: a piece need not end at a character's end.
public typealias ReportWriter = ([UInt8]) throws -> Void
