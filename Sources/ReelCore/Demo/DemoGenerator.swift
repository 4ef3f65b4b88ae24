import Foundation

/// Makes the demo that `reel` plays with no arguments: a numbered test-pattern sequence with a
/// white flash once a second, and a sound track with a beep on every flash over a quiet sweep —
/// the sync check reviewers know. Deterministic: the same settings write the same bytes.
public struct DemoGenerator: Sendable {
    public var width = 640
    public var height = 360
    public var fps = 24
    public var seconds = 4
    public var sampleRate = 48_000
    /// File names: `<name>.0001.png` …, `<name>.wav`.
    public var name = "demo"

    public init() {}

    public var frameCount: Int { fps * seconds }

    /// Whether frame `frame` (1-based) is a flash frame: the first frame of every second.
    public func isFlash(_ frame: Int) -> Bool { (frame - 1) % fps == 0 }

    /// Writes the sequence and the sound track into `directory` (created if needed).
    public func write(to directory: String) throws(MediaError) {
        let pattern = try SequencePattern.newSequence(in: directory, name: name)
        for frame in 1...frameCount {
            try PNGEncoder.write(picture(frame: frame), to: pattern.path(frame: frame))
        }
        try SoundFile.writeWAV(path: join(directory, name + ".wav"), sampleRate: sampleRate,
                               channels: 2, samples: soundTrack())
    }

    /// Frame `frame` (1-based) of the test pattern.
    public func picture(frame: Int) -> RGBImage {
        var canvas = Canvas(width: width, height: height)
        let flash = isFlash(frame)
        if flash {
            canvas.fill(x: 0, y: 0, width: width, height: height, (255, 255, 255))
        } else {
            // Diagonal stripes that move right by 8 pixels a frame: motion anyone can see.
            for y in 0..<height {
                for x in 0..<width {
                    let band = ((x - y + frame * 8) / 24) & 1
                    canvas.set(x: x, y: y, band == 0 ? (34, 38, 46) : (52, 58, 70))
                }
            }
            // A ball that crosses the frame once a second.
            let phase = Double((frame - 1) % fps) / Double(fps - 1)
            canvas.disc(cx: 40 + Int(phase * Double(width - 80)), cy: height / 5, radius: height / 12,
                        (255, 150, 40))
            // Colour bars at 75 %, in the SMPTE order.
            let bars: [(UInt8, UInt8, UInt8)] = [
                (191, 191, 191), (191, 191, 0), (0, 191, 191), (0, 191, 0),
                (191, 0, 191), (191, 0, 0), (0, 0, 191),
            ]
            let barTop = height * 3 / 4
            for (i, colour) in bars.enumerated() {
                let x0 = width * i / bars.count
                let x1 = width * (i + 1) / bars.count
                canvas.fill(x: x0, y: barTop, width: x1 - x0, height: height - barTop, colour)
            }
        }
        // Progress through the clip along the top edge.
        canvas.fill(x: 0, y: 0, width: width * frame / frameCount, height: max(2, height / 60),
                    flash ? (0, 0, 0) : (240, 240, 240))
        // The frame number, large, in the middle.
        let digits = String(frame).compactMap(\.wholeNumberValue)
        let scale = max(1, height / 20)
        let textWidth = (digits.count * (DigitFont.width + 1) - 1) * scale
        let textHeight = DigitFont.height * scale
        let left = (width - textWidth) / 2
        let top = (height * 3 / 4 - textHeight) / 2 + height / 12
        if !flash {
            canvas.fill(x: left - scale, y: top - scale, width: textWidth + 2 * scale,
                        height: textHeight + 2 * scale, (0, 0, 0))
        }
        let ink: (UInt8, UInt8, UInt8) = flash ? (0, 0, 0) : (255, 255, 255)
        for (i, digit) in digits.enumerated() {
            for row in 0..<DigitFont.height {
                for column in 0..<DigitFont.width where DigitFont.isSet(digit: digit, column: column, row: row) {
                    canvas.fill(x: left + (i * (DigitFont.width + 1) + column) * scale,
                                y: top + row * scale, width: scale, height: scale, ink)
                }
            }
        }
        return canvas.image
    }

    /// Interleaved stereo samples: a 1 kHz beep of 1/12 s at the start of every second (on each
    /// flash) over an exponential sweep from 200 Hz to 3.2 kHz at −30 dBFS.
    public func soundTrack() -> [Float] {
        let total = sampleRate * seconds
        var samples = [Float](repeating: 0, count: total * 2)
        let beepLength = sampleRate / 12
        let ramp = sampleRate / 500  // 2 ms fades keep the beep from clicking.
        let (f0, f1) = (200.0, 3200.0)
        let duration = Double(seconds)
        for i in 0..<total {
            let t = Double(i) / Double(sampleRate)
            // Phase of an exponential chirp: 2π f0 T / ln(f1/f0) · ((f1/f0)^(t/T) − 1).
            let k = log(f1 / f0)
            let sweep = 0.0316 * sin(2 * .pi * f0 * duration / k * (exp(t / duration * k) - 1))
            var beep = 0.0
            let inSecond = i % sampleRate
            if inSecond < beepLength {
                let edge = min(inSecond, beepLength - 1 - inSecond)
                let envelope = min(1, Double(edge) / Double(ramp))
                beep = 0.5 * envelope * sin(2 * .pi * 1000 * Double(inSecond) / Double(sampleRate))
            }
            let value = Float(sweep + beep)
            samples[2 * i] = value
            samples[2 * i + 1] = value
        }
        return samples
    }
}

/// An RGB drawing surface for the demo's pictures; drawing outside it is clipped.
private struct Canvas {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
    }

    var image: RGBImage { RGBImage(width: width, height: height, pixels: pixels) }

    mutating func set(x: Int, y: Int, _ colour: (UInt8, UInt8, UInt8)) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = (y * width + x) * 3
        pixels[i] = colour.0
        pixels[i + 1] = colour.1
        pixels[i + 2] = colour.2
    }

    mutating func fill(x: Int, y: Int, width w: Int, height h: Int, _ colour: (UInt8, UInt8, UInt8)) {
        for row in max(0, y)..<min(height, y + h) where w > 0 {
            for column in max(0, x)..<min(width, x + w) { set(x: column, y: row, colour) }
        }
    }

    mutating func disc(cx: Int, cy: Int, radius: Int, _ colour: (UInt8, UInt8, UInt8)) {
        for y in (cy - radius)...(cy + radius) {
            for x in (cx - radius)...(cx + radius) where (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius {
                set(x: x, y: y, colour)
            }
        }
    }
}
