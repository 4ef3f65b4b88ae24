import Dispatch
import Foundation

/// Writes a sequence that decodes like a real render: smooth gradients and soft shapes under a
/// fine grain, so a 1920x1080 frame is a PNG of about 3 MB (a flat test pattern compresses to a
/// few kilobytes and decodes unrealistically fast). For `reel soak`, `reel bench` and tests.
///
/// Deterministic: the same settings write the same bytes. Frames are written in parallel.
public struct RenderLikeFrames: Sendable {
    public var width: Int
    public var height: Int
    public var count: Int
    public var name: String

    public init(width: Int = 1920, height: Int = 1080, count: Int = 100, name: String = "render") {
        self.width = width
        self.height = height
        self.count = count
        self.name = name
    }

    /// Writes `<name>.0001.png` … into `directory` (created if needed).
    public func write(to directory: String) throws(MediaError) {
        let pattern = try SequencePattern.newSequence(in: directory, name: name)
        let failure = Locked<MediaError?>(nil)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do throws(MediaError) {
                try PNGEncoder.write(picture(frame: index + 1), to: pattern.path(frame: index + 1))
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Frame `frame` (1-based).
    public func picture(frame: Int) -> RGBImage {
        let t = Double(frame)
        let cx = Double(width) * (0.3 + 0.2 * sin(t / 17)), cy = Double(height) * (0.5 + 0.2 * cos(t / 23))
        let radius = Double(min(width, height)) * 0.35
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var seed = UInt32(truncatingIfNeeded: frame &* 2_654_435_761)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let v = Double(y) / Double(height)
                for x in 0..<width {
                    let u = Double(x) / Double(width)
                    let dx = Double(x) - cx, dy = Double(y) - cy
                    let glow = max(0, 1 - (dx * dx + dy * dy).squareRoot() / radius)
                    // Grain: a xorshift per pixel, ±10 levels, as a renderer's sampling noise.
                    seed ^= seed << 13; seed ^= seed >> 17; seed ^= seed << 5
                    let grain = Double(Int(seed & 31) - 16) * 0.6
                    let i = (y * width + x) * 3
                    out[i] = byte(40 + 120 * u + 90 * glow + grain)
                    out[i + 1] = byte(30 + 80 * v + 120 * glow * glow + grain)
                    out[i + 2] = byte(70 + 60 * (1 - u) * v + 40 * glow + grain)
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}

@inline(__always)
private func byte(_ value: Double) -> UInt8 {
    UInt8(max(0, min(255, value.rounded())))
}
