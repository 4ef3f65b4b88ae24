#if canImport(Glibc)
import Glibc
#endif

/// A long test recording for soak and bench: a melody of tones on the left, a slow exponential
/// sweep on the right, under a little noise; something in every spectrogram row, and cheap to
/// write in blocks of any length.
public struct TestSignal: Sendable {
    public var seconds: Double
    public var sampleRate: Int
    public var channels: Int

    public init(seconds: Double, sampleRate: Int = 48_000, channels: Int = 2) {
        self.seconds = seconds
        self.sampleRate = sampleRate
        self.channels = channels
    }

    public var frames: Int { Int(seconds * Double(sampleRate)) }

    /// Writes it as a 16-bit WAV file.
    public func write(to path: String) throws(MediaError) {
        var noise: UInt32 = 0x1234_5678
        let rate = Double(sampleRate)
        try SoundFile.writeWAV(path: path, sampleRate: sampleRate, channels: channels, frames: frames) { offset, block in
            let count = block.count / channels
            for index in 0..<count {
                let t = Double(offset + index) / rate
                let note = 220 * pow(2, Double(Int(t * 2) % 24) / 12)
                noise = noise &* 1_664_525 &+ 1_013_904_223
                let hiss = (Double(noise >> 8) / Double(1 << 24) - 0.5) * 0.02
                let left = 0.3 * sin(2 * .pi * note * t) + hiss
                let sweep = 0.3 * sin(2 * .pi * 40 * 60 / log(400) * (exp(log(400) * fmod(t, 60) / 60) - 1)) + hiss
                for channel in 0..<channels {
                    block[index * channels + channel] = Float(channel % 2 == 0 ? left : sweep)
                }
            }
        }
    }
}
