/// What one frame's header says beyond its size, as `reel probe` reports it. A value.
public struct ImageDescription: Equatable, Sendable {
    public var format: ImageFormat
    /// Bits per component (16 for half floats, 32 for floats).
    public var bitDepth: Int
    public var channels: Int
    public var hasAlpha: Bool
    /// Floating point (scene-linear) samples.
    public var isFloat: Bool
    /// The SMPTE timecode the file carries (`hh:mm:ss:ff`, `;` before the frames when drop-frame), if any.
    public var timecode: String?

    public init(format: ImageFormat, bitDepth: Int, channels: Int, hasAlpha: Bool, isFloat: Bool = false, timecode: String? = nil) {
        self.format = format
        self.bitDepth = bitDepth
        self.channels = channels
        self.hasAlpha = hasAlpha
        self.isFloat = isFloat
        self.timecode = timecode
    }

    /// A timecode packed as SMPTE 12M's bits (OpenEXR's `timeCode`): frames in the low byte, then
    /// seconds, minutes, hours, each two BCD digits under their flag bits; bit 6 says drop-frame.
    static func smpte12M(_ bits: UInt32) -> String? {
        func digits(_ shift: UInt32, tens: UInt32) -> Int? {
            let units = Int((bits >> shift) & 0xF)
            return units < 10 ? Int((bits >> (shift + 4)) & tens) * 10 + units : nil
        }
        guard let frames = digits(0, tens: 0x3), let seconds = digits(8, tens: 0x7), let minutes = digits(16, tens: 0x7),
              let hours = digits(24, tens: 0x3), seconds < 60, minutes < 60, hours < 24 else { return nil }
        return format(hours, minutes, seconds, frames, drop: bits & (1 << 6) != 0)
    }

    /// A timecode packed as DPX does: `0xHHMMSSFF`, two BCD digits a byte; all ones when there is none.
    static func packedBCD(_ bits: UInt32) -> String? {
        guard bits != 0xFFFF_FFFF else { return nil }
        func byte(_ shift: UInt32) -> Int? {
            let high = Int((bits >> (shift + 4)) & 0xF), low = Int((bits >> shift) & 0xF)
            return high < 10 && low < 10 ? high * 10 + low : nil
        }
        guard let hours = byte(24), let minutes = byte(16), let seconds = byte(8), let frames = byte(0),
              hours < 24, minutes < 60, seconds < 60 else { return nil }
        return format(hours, minutes, seconds, frames, drop: false)
    }

    static func format(_ hours: Int, _ minutes: Int, _ seconds: Int, _ frames: Int, drop: Bool) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(hours)):\(two(minutes)):\(two(seconds))\(drop ? ";" : ":")\(two(frames))"
    }
}
