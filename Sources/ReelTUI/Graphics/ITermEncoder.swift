import ReelCore

/// Writes pictures as iTerm2 inline images (OSC 1337 `File=`), which iTerm2 and WezTerm show:
/// the picture as a PNG file in base64, drawn at the cursor at its own size in pixels.
///
/// Stateless; safe from any thread.
enum ITermEncoder {
    /// `image` as one inline image, or nil when it cannot be written as PNG.
    static func encode(_ image: RGBImage) -> [UInt8]? {
        guard let png = try? PNGEncoder.encode(image) else { return nil }
        var out = Array("\u{1B}]1337;File=inline=1;size=\(png.count);width=\(image.width)px;height=\(image.height)px;preserveAspectRatio=0:".utf8)
        out.reserveCapacity(out.count + Base64.encodedCount(png.count) + 1)
        png.withUnsafeBytes { Base64.append($0, to: &out) }
        out.append(0x07)
        return out
    }
}
