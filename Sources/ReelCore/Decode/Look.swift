#if canImport(Glibc)
import Glibc
#endif

/// How a picture is looked at, as RV and DJV let a reviewer change it: exposure in stops, one
/// channel on its own, and alpha over a checkerboard. Part of what a frame is decoded for (a
/// source with another look is another source in the cache), applied by the decoders: in float
/// for scene-linear pictures, on 8 bits (through linear light) for the rest.
///
/// A value; its tables are immutable globals, built once.
public struct Look: Hashable, Sendable {
    public enum Channel: String, CaseIterable, Sendable {
        case rgb = "RGB", red = "R", green = "G", blue = "B", alpha = "A", luminance = "Y"
    }

    /// Stops: each doubles (or halves) the light.
    public var exposure: Float = 0
    public var channel: Channel = .rgb
    /// Transparent pixels over a grey checkerboard rather than black.
    public var checkerboard = false

    public init(exposure: Float = 0, channel: Channel = .rgb, checkerboard: Bool = false) {
        self.exposure = exposure
        self.channel = channel
        self.checkerboard = checkerboard
    }

    public static let identity = Look()

    /// What the title shows, nil when it is the identity.
    public var label: String? {
        var parts: [String] = []
        if exposure != 0 {
            let tenths = abs(Int((exposure * 10).rounded()))
            parts.append("EV \(exposure < 0 ? "-" : "+")\(tenths / 10).\(tenths % 10)")
        }
        if channel != .rgb { parts.append(channel.rawValue) }
        if checkerboard { parts.append("checker") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The next channel view, RGB after luminance.
    public var nextChannel: Channel {
        let all = Channel.allCases
        return all[(all.firstIndex(of: channel)! + 1) % all.count]
    }

    /// sRGB-encoded byte → linear light, and back through 4096 steps.
    static let toLinear: [Float] = (0...255).map { value in
        let v = Double(value) / 255
        return Float(v <= 0.040_45 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4))
    }

    /// The exposure as a table over sRGB bytes (display-referred pictures: what is over white stays white).
    func exposureTable() -> [UInt8] {
        let gain = exp2f(exposure), steps = Float(SceneLinear.steps)
        return Self.toLinear.map { linear in
            let scaled = min(1, linear * gain) * steps
            return SceneLinear.table[Int(scaled + 0.5)]
        }
    }

    /// Applies the look to `count` straight-alpha RGBA pixels in place, before they are scaled:
    /// exposure (unless `exposed`, done in float already), the channel view, and alpha over the
    /// checkerboard (`width` places its squares). Alpha is left as it was, except under the
    /// checkerboard (then opaque).
    func apply(rgba pixels: UnsafeMutablePointer<UInt8>, count: Int, width: Int, exposed: Bool) {
        if !exposed && exposure != 0 {
            let table = exposureTable()
            for i in 0..<count {
                let p = pixels + i * 4
                p[0] = table[Int(p[0])]; p[1] = table[Int(p[1])]; p[2] = table[Int(p[2])]
            }
        }
        for i in 0..<count {
            let p = pixels + i * 4
            if let value = shown(p[0], p[1], p[2], p[3]) {
                p[0] = value; p[1] = value; p[2] = value
                if channel == .alpha { p[3] = 255 }
            }
            if checkerboard && p[3] < 255 {
                let x = i % max(1, width), y = i / max(1, width)
                let square: UInt16 = (x / 8 + y / 8) % 2 == 0 ? 102 : 153
                let a = UInt16(p[3])
                for c in 0..<3 { p[c] = UInt8((UInt16(p[c]) * a + square * (255 - a) + 127) / 255) }
                p[3] = 255
            }
        }
    }

    /// Applies exposure and the channel view to an opaque RGB picture after it was scaled (the
    /// alpha view of an opaque picture is white).
    func apply(rgb image: inout RGBImage) {
        guard self != .identity else { return }
        let table = exposure != 0 ? exposureTable() : nil
        image.pixels.withUnsafeMutableBufferPointer { buffer in
            for i in stride(from: 0, to: buffer.count - 2, by: 3) {
                if let table { buffer[i] = table[Int(buffer[i])]; buffer[i + 1] = table[Int(buffer[i + 1])]; buffer[i + 2] = table[Int(buffer[i + 2])] }
                if let value = shown(buffer[i], buffer[i + 1], buffer[i + 2], 255) {
                    buffer[i] = value; buffer[i + 1] = value; buffer[i + 2] = value
                }
            }
        }
    }

    /// The grey a pixel is shown as under the channel view; nil for RGB (shown as it is).
    @inline(__always)
    private func shown(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8) -> UInt8? {
        switch channel {
        case .rgb: return nil
        case .red: return r
        case .green: return g
        case .blue: return b
        case .alpha: return a
        case .luminance: return Self.luma(r, g, b)
        }
    }

    /// Rec. 709 luminance of encoded values (as viewers show it: weights on the bytes).
    static func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let red: UInt32 = 2126 * UInt32(r), green: UInt32 = 7152 * UInt32(g), blue: UInt32 = 722 * UInt32(b)
        return UInt8((red + green + blue + 5000) / 10000)
    }
}
