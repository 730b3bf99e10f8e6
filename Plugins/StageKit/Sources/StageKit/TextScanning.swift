/// Small byte-level helpers that several stages need. Hot paths work on UTF-8 bytes, not `Character`.
public enum ASCII {
    @inlinable public static func isUpper(_ b: UInt8) -> Bool { b &- 65 < 26 }
    @inlinable public static func isLower(_ b: UInt8) -> Bool { b &- 97 < 26 }
    @inlinable public static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }
    @inlinable public static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
    @inlinable public static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    @inlinable public static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 || b == 11 }
    @inlinable public static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
}
