import Foundation

/// Numbers as Danish readers write them: "32.083", "2.500.000", "-250.000", "1.450,5".
public enum DanishFormat {
    /// "32.083", "-2.500.000", "1.450,5": thousands grouped by ".", decimals after ",".
    public static func kroner(_ value: Decimal) -> String {
        // On bytes: a report formats every amount, and String surgery per group was dear; the
        // plain digits on the stack, where an array and a String of them were half the cost.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Decimal.plainCapacity) { buffer in
            if let count = value.writePlain(into: buffer) { return grouped(UnsafeBufferPointer(rebasing: buffer[..<count])) }
            return Array(value.plainDescription.utf8).withUnsafeBufferPointer(grouped)
        }
    }

    /// Plain digits ("-1234567.891") grouped the Danish way ("-1.234.567,891").
    private static func grouped(_ plain: UnsafeBufferPointer<UInt8>) -> String {
        let negative = plain.first == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        let point = plain[start...].firstIndex(of: UInt8(ascii: ".")) ?? plain.count
        let integerCount = point - start
        let fractionCount = max(0, plain.count - point - 1)
        let length = start + integerCount + max(0, integerCount - 1) / 3 + (fractionCount > 0 ? 1 + fractionCount : 0)
        return String(unsafeUninitializedCapacity: max(length, 1)) { out in
            var count = 0
            func put(_ byte: UInt8) {
                out[count] = byte
                count += 1
            }
            if negative { put(UInt8(ascii: "-")) }
            for offset in 0..<integerCount {
                if offset > 0, (integerCount - offset) % 3 == 0 { put(UInt8(ascii: ".")) }
                put(plain[start + offset])
            }
            if fractionCount > 0 {
                put(UInt8(ascii: ","))
                for index in (point + 1)..<plain.count { put(plain[index]) }
            }
            return count
        }
    }
}

extension Decimal {
    /// The value with a decimal point and no grouping ("32083", "-2.5"): `NSDecimalString` in
    /// the POSIX locale.
    var plainDescription: String {
        // From the value's own digits: NSDecimalString cost some 21.000 instructions a number,
        // and the integer through NSDecimalNumber some 1.300 (callgrind), 2 % of a Markdown run.
        let fast = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.plainCapacity) { buffer in
            writePlain(into: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<$0]), as: UTF8.self) }
        }
        if let fast { return fast }
        // The round trip proves the integer exact, whatever the conversion did.
        if exponent >= 0 {
            let whole = NSDecimalNumber(decimal: self).int64Value
            if Decimal(whole) == self { return String(whole) }
        }
        var value = self
        return NSDecimalString(&value, Self.posix)
    }

    /// Made once: a Locale per number formatted was a fiftieth of a run (callgrind).
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Room for ``writePlain(into:)``: at most 148 bytes of text (a sign, 20 digits and 127 zeros;
    /// or a sign, "0.", 108 zeros and 20 digits), and the 20 digits at the end apart.
    static let plainCapacity = 176

    /// Writes ``plainDescription`` into `buffer` (of ``plainCapacity`` bytes) and returns its
    /// length, when the value's digits are read from its storage (``parts``); nil otherwise.
    func writePlain(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let (negative, mantissa, exponent) = parts else { return nil }
        if mantissa == 0 {
            buffer[0] = UInt8(ascii: "0")
            return 1
        }
        // The digits at the buffer's end, last first; then moved into place.
        var digitsStart = buffer.count
        var rest = mantissa
        while rest > 0 {
            digitsStart -= 1
            buffer[digitsStart] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        let digitCount = buffer.count - digitsStart
        var count = 0
        func put(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }
        func putDigits(_ range: Range<Int>) {
            for index in range { put(buffer[digitsStart + index]) }
        }
        if negative { put(UInt8(ascii: "-")) }
        if exponent >= 0 {
            putDigits(0..<digitCount)
            for _ in 0..<exponent { put(UInt8(ascii: "0")) }
        } else {
            let point = digitCount + exponent
            if point > 0 {
                putDigits(0..<point)
                put(UInt8(ascii: "."))
                putDigits(point..<digitCount)
            } else {
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "."))
                for _ in 0 ..< -point { put(UInt8(ascii: "0")) }
                putDigits(0..<digitCount)
            }
        }
        return count
    }

    /// The sign, the mantissa and the exponent, read from the value's storage: NSDecimal's
    /// layout (exponent, then length in the high four bits and the sign in bit 3 of the next
    /// byte, then eight 16-bit words of mantissa, least significant first), which
    /// ``storageLayoutIsKnown`` checks once. Nil for NaN, for a mantissa beyond 64 bits and
    /// where the layout is another.
    var parts: (negative: Bool, mantissa: UInt64, exponent: Int)? {
        guard Self.storageLayoutIsKnown else { return nil }
        return withUnsafeBytes(of: self) { raw -> (Bool, UInt64, Int)? in
            let length = Int(raw[1] >> 4)
            let negative = raw[1] & 0x08 != 0
            guard length <= 4, length > 0 || !negative else { return nil }
            var mantissa: UInt64 = 0
            var word = length - 1
            while word >= 0 {
                mantissa = mantissa << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
                word -= 1
            }
            return (negative, mantissa, Int(Int8(bitPattern: raw[0])))
        }
    }

    /// Whether Decimal is stored as ``parts`` reads it, tried on values whose storage is known.
    static let storageLayoutIsKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        func stored(_ value: Decimal) -> (exponent: Int8, length: UInt8, negative: Bool, words: [UInt16]) {
            withUnsafeBytes(of: value) { raw in
                (Int8(bitPattern: raw[0]), raw[1] >> 4, raw[1] & 0x08 != 0, (0..<8).map { UInt16(raw[4 + 2 * $0]) | UInt16(raw[5 + 2 * $0]) << 8 })
            }
        }
        let plain = stored(Decimal(1234)), negative = stored(Decimal(-5))
        let fraction = stored(Decimal(sign: .plus, exponent: -2, significand: 25)), wide = stored(Decimal(65536 * 3 + 7))
        return plain == (0, 1, false, [1234, 0, 0, 0, 0, 0, 0, 0]) && negative == (0, 1, true, [5, 0, 0, 0, 0, 0, 0, 0])
            && fraction == (-2, 1, false, [25, 0, 0, 0, 0, 0, 0, 0]) && wide == (0, 2, false, [7, 3, 0, 0, 0, 0, 0, 0])
    }()
}
