import COpenEXR
#if canImport(Glibc)
import Glibc
#endif

/// One OpenEXR file open for reading through the C core: its first part's windows, channels
/// and storage read from the header, its pixels decoded chunk by chunk into float RGBA.
///
/// Owns the context (`exr_finish` on deinit) and the buffer its error callback writes the first
/// message into; the library's own allocations are counted and capped by `EXRMemory`. Not thread-safe: one decode uses it.
final class EXRFile {
    /// An inclusive pixel box of the file, as a size and an origin.
    struct Window: Equatable {
        var x: Int, y: Int, width: Int, height: Int
    }

    let path: String
    private(set) var data: Window
    private(set) var display: Window
    private var context: exr_context_t?
    private let message: UnsafeMutablePointer<CChar>

    init(path: String) throws(MediaError) {
        // Refused before the library opens it: a FIFO would block, an empty file says nothing.
        let file = try RegularFile(path: path)
        let size = file.size
        file.close()
        guard size > 0 else { throw .notMedia(path: path, reason: "the file is empty (0 bytes)") }
        self.path = path
        message = .allocate(capacity: 256)
        message.initialize(repeating: 0, count: 256)
        var initializer = reel_exr_default_initializer()
        initializer.error_handler_fn = { context, code, text in reel_exr_keep_error(context, code, text) }
        initializer.user_data = UnsafeMutableRawPointer(message)
        initializer.alloc_fn = { EXRMemory.allocate($0) }
        initializer.free_fn = { EXRMemory.free($0) }
        initializer.max_image_width = Int32(FrameLimit.maxSide)
        initializer.max_image_height = Int32(FrameLimit.maxSide)
        initializer.max_tile_width = Int32(FrameLimit.maxSide)
        initializer.max_tile_height = Int32(FrameLimit.maxSide)
        var opened: exr_context_t?
        let result = exr_start_read(&opened, path, &initializer)
        context = opened
        data = Window(x: 0, y: 0, width: 0, height: 0)
        display = data
        guard result == EXR_ERR_SUCCESS.rawValue, opened != nil else { throw failure(result) }
        var parts: Int32 = 0
        guard exr_get_count(opened, &parts) == EXR_ERR_SUCCESS.rawValue, parts >= 1 else { throw refuse("it has no parts") }
        var storage = EXR_STORAGE_LAST_TYPE
        try check(exr_get_storage(opened, 0, &storage))
        guard storage == EXR_STORAGE_SCANLINE || storage == EXR_STORAGE_TILED else {
            throw refuse("deep pixels (only flat scanline and tiled parts are read)")
        }
        var dataBox = exr_attr_box2i_t(), displayBox = exr_attr_box2i_t()
        try check(exr_get_data_window(opened, 0, &dataBox))
        try check(exr_get_display_window(opened, 0, &displayBox))
        data = try Self.window(dataBox, path: path)
        display = try Self.window(displayBox, path: path)
    }

    deinit {
        if context != nil { exr_finish(&context) }
        message.deallocate()
    }

    private static func window(_ box: exr_attr_box2i_t, path: String) throws(MediaError) -> Window {
        let width = Int(box.max.x) - Int(box.min.x) + 1, height = Int(box.max.y) - Int(box.min.y) + 1
        guard width > 0, height > 0 else {
            throw .badImage(path: path, format: "EXR", reason: "a window of \(width)x\(height)")
        }
        guard width <= FrameLimit.maxSide, height <= FrameLimit.maxSide else {
            throw .imageTooLarge(path: path, width: width, height: height, limit: FrameLimit.standalone.bytes)
        }
        return Window(x: Int(box.min.x), y: Int(box.min.y), width: width, height: height)
    }

    /// The data window as float RGBA (alpha 1 where the file has none), into the front of
    /// `pixels` (grown only when too small). A luminance/chroma file's subsampled RY and BY
    /// planes go through `chroma` on their way to RGB.
    func readDataWindow(into pixels: inout [Float], chroma: inout [Float]) throws(MediaError) {
        let map = try channelMap()
        let count = data.width * data.height * 4
        if pixels.count < count { pixels = [Float](repeating: 0, count: count) }
        // Every chunk writes the channels it has: the others are set first.
        if map["R"] == nil || map["G"] == nil || map["B"] == nil { pixels.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        if map["A"] == nil { for i in stride(from: 3, to: count, by: 4) { pixels[i] = 1 } }
        // RY then BY, each a plane of every other pixel of every other line (their sampling, 2 by 2 as written).
        let planes = try chromaPlanes(map)
        if let planes, chroma.count < planes.count * 2 { chroma = [Float](repeating: 0, count: planes.count * 2) }
        var decoder = exr_decode_pipeline_t()
        var started = false
        var roles: [ChannelRole] = []
        defer { if started { exr_decoding_destroy(context, &decoder) } }
        try pixels.withUnsafeMutableBufferPointer { (buffer) throws(MediaError) in
            try chroma.withUnsafeMutableBufferPointer { (chromaBuffer) throws(MediaError) in
                for var chunk in try chunks() {
                    let first = !started
                    if started {
                        try check(exr_decoding_update(context, 0, &chunk, &decoder))
                    } else {
                        try check(exr_decoding_initialize(context, 0, &chunk, &decoder))
                        started = true
                    }
                    let (dx, dy) = (Int(chunk.start_x) - data.x, Int(chunk.start_y) - data.y)
                    let origin = (dy * data.width + dx) * 4
                    guard origin >= 0, origin < buffer.count else { throw refuse("a chunk outside the data window") }
                    // What each channel is for, found once: every chunk has the same channels in the same order.
                    if first { roles = (0..<Int(decoder.channel_count)).map { role(of: decoder.channels[$0], map: map, planes: planes) } }
                    for (index, role) in roles.enumerated() {
                        let channel = decoder.channels + index
                        switch role {
                        case .interleaved(let offset):
                            reel_exr_decode_channel_to(channel, buffer.baseAddress! + origin + offset, 16, Int32(data.width * 16))
                        case .chroma(let plane, let planes):
                            // The library writes a sampled channel's lines from the chunk's first sampled one.
                            let row = (dy + planes.ySamples - 1) / planes.ySamples, column = dx / planes.xSamples
                            let start = plane * planes.count + row * planes.width + column
                            let target = start < planes.count * (plane + 1) ? chromaBuffer.baseAddress! + start : nil
                            reel_exr_decode_channel_to(channel, target, 4, Int32(planes.width * 4))
                        case .skipped:
                            reel_exr_decode_channel_to(channel, nil, 16, Int32(data.width * 16))
                        }
                    }
                    // Once, for the first chunk's layout: every chunk has the same channels and targets.
                    if first { try check(exr_decoding_choose_default_routines(context, 0, &decoder)) }
                    try check(exr_decoding_run(context, 0, &decoder))
                }
            }
        }
        if let planes {
            YCToRGB.convert(&pixels, width: data.width, height: data.height, chroma: chroma, planes: planes,
                            weights: luminanceWeights())
        } else if map["R"] == nil, map["Y"] != nil {
            // Luminance alone is grey.
            for i in stride(from: 0, to: count, by: 4) { pixels[i + 1] = pixels[i]; pixels[i + 2] = pixels[i] }
        }
    }

    /// Where a channel's samples go as the chunks are decoded.
    private enum ChannelRole {
        /// One float of each RGBA pixel.
        case interleaved(offset: Int)
        /// RY's (0) or BY's (1) plane.
        case chroma(plane: Int, YCToRGB.Planes)
        /// Not shown (depth, other layers, other subsampled channels).
        case skipped
    }

    private func role(of channel: exr_coding_channel_info_t, map: [String: Int?], planes: YCToRGB.Planes?) -> ChannelRole {
        let name = String(cString: channel.channel_name)
        let whole = channel.x_samples == 1 && channel.y_samples == 1
        if whole, let offset = map[name].flatMap({ $0 }) { return .interleaved(offset: offset) }
        if !whole, let planes, let plane = ["RY": 0, "BY": 1][name] { return .chroma(plane: plane, planes) }
        return .skipped
    }

    /// The layout of the RY and BY planes of a luminance/chroma file (nil for any other): both
    /// there with the same sampling, which divides the data window's origin as the format asks.
    private func chromaPlanes(_ map: [String: Int?]) throws(MediaError) -> YCToRGB.Planes? {
        guard map["R"] == nil, map["Y"] != nil else { return nil }
        var list: UnsafePointer<exr_attr_chlist_t>?
        try check(exr_get_channels(context, 0, &list))
        guard let list else { return nil }
        let entries = (0..<Int(list.pointee.num_channels)).map { list.pointee.entries[$0] }
        func sampling(_ name: String) -> (Int, Int)? {
            entries.first { String(cString: $0.name.str) == name }.map { (Int($0.x_sampling), Int($0.y_sampling)) }
        }
        guard let ry = sampling("RY"), let by = sampling("BY"), ry == by, ry.0 >= 1, ry.1 >= 1, ry != (1, 1) else { return nil }
        guard data.x % ry.0 == 0, data.y % ry.1 == 0 else { throw refuse("its chroma sampling does not divide the data window's origin") }
        return YCToRGB.Planes(width: (data.width + ry.0 - 1) / ry.0, height: (data.height + ry.1 - 1) / ry.1,
                              xSamples: ry.0, ySamples: ry.1)
    }

    /// How much red, green and blue make luminance under the file's `chromaticities` (Rec. 709's when it has none).
    private func luminanceWeights() -> (red: Float, green: Float, blue: Float) {
        var primaries = exr_attr_chromaticities_t(red_x: 0.64, red_y: 0.33, green_x: 0.3, green_y: 0.6,
                                                  blue_x: 0.15, blue_y: 0.06, white_x: 0.3127, white_y: 0.329)
        _ = exr_attr_get_chromaticities(context, 0, "chromaticities", &primaries)
        return YCToRGB.weights(primaries)
    }

    /// Channels, depth, alpha and the `timeCode` attribute of the first part.
    func describe() throws(MediaError) -> ImageDescription {
        var list: UnsafePointer<exr_attr_chlist_t>?
        try check(exr_get_channels(context, 0, &list))
        guard let list, list.pointee.num_channels > 0 else { throw refuse("it has no channels") }
        let entries = (0..<Int(list.pointee.num_channels)).map { list.pointee.entries[$0] }
        let names = entries.map { String(cString: $0.name.str) }
        let half = entries.allSatisfy { $0.pixel_type == EXR_PIXEL_HALF }
        let float = entries.contains { $0.pixel_type != EXR_PIXEL_UINT }
        var code = exr_attr_timecode_t()
        let timecode = exr_attr_get_timecode(context, 0, "timeCode", &code) == EXR_ERR_SUCCESS.rawValue
            ? ImageDescription.smpte12M(code.time_and_flags) : nil
        return ImageDescription(format: .exr, bitDepth: half ? 16 : 32, channels: names.count,
                                hasAlpha: names.contains { $0 == "A" || $0.hasSuffix(".A") }, isFloat: float, timecode: timecode)
    }

    /// Which float of RGBA each channel the picture is drawn from goes to, by name (a layer's
    /// `name.R` too when there is no plain `R`). `Y` goes to red, and is copied to the others.
    private func channelMap() throws(MediaError) -> [String: Int?] {
        var list: UnsafePointer<exr_attr_chlist_t>?
        try check(exr_get_channels(context, 0, &list))
        guard let list, list.pointee.num_channels > 0 else { throw refuse("it has no channels") }
        let names = (0..<Int(list.pointee.num_channels)).map { String(cString: list.pointee.entries[$0].name.str) }
        var map: [String: Int?] = [:]
        for (letter, offset) in [("R", 0), ("G", 1), ("B", 2), ("A", 3), ("Y", 0)] {
            if let name = names.first(where: { $0 == letter }) ?? names.first(where: { $0.hasSuffix("." + letter) }) {
                map[name] = offset
                map[letter] = offset
            }
        }
        if map["R"] != nil { map["Y"] = nil }
        guard map["R"] != nil || map["G"] != nil || map["B"] != nil || map["Y"] != nil else {
            throw refuse("no R, G, B or Y channel (it has \(names.prefix(6).joined(separator: ", ")))")
        }
        return map
    }

    /// The chunks of level 0, in file order of rows.
    private func chunks() throws(MediaError) -> [exr_chunk_info_t] {
        var storage = EXR_STORAGE_LAST_TYPE
        try check(exr_get_storage(context, 0, &storage))
        var result: [exr_chunk_info_t] = []
        if storage == EXR_STORAGE_TILED {
            var tileWidth: Int32 = 0, tileHeight: Int32 = 0
            try check(exr_get_tile_sizes(context, 0, 0, 0, &tileWidth, &tileHeight))
            guard tileWidth > 0, tileHeight > 0 else { throw refuse("tiles of \(tileWidth)x\(tileHeight)") }
            let across = (data.width + Int(tileWidth) - 1) / Int(tileWidth), down = (data.height + Int(tileHeight) - 1) / Int(tileHeight)
            for ty in 0..<down {
                for tx in 0..<across {
                    var chunk = exr_chunk_info_t()
                    try check(exr_read_tile_chunk_info(context, 0, Int32(tx), Int32(ty), 0, 0, &chunk))
                    result.append(chunk)
                }
            }
        } else {
            var lines: Int32 = 0
            try check(exr_get_scanlines_per_chunk(context, 0, &lines))
            guard lines > 0 else { throw refuse("\(lines) scanlines per chunk") }
            for y in stride(from: data.y, to: data.y + data.height, by: Int(lines)) {
                var chunk = exr_chunk_info_t()
                try check(exr_read_scanline_chunk_info(context, 0, Int32(y), &chunk))
                result.append(chunk)
            }
        }
        return result
    }

    private func check(_ result: exr_result_t) throws(MediaError) {
        guard result == EXR_ERR_SUCCESS.rawValue else { throw failure(result) }
    }

    private func failure(_ result: exr_result_t) -> MediaError {
        // The library quotes what it found, and a fuzzed file's names are any bytes: made one safe line.
        let kept = SafeText.escaped(String(decoding: UnsafeRawBufferPointer(start: message, count: strlen(message)), as: UTF8.self))
        return refuse(kept.isEmpty ? String(cString: exr_get_default_error_message(result)) : kept)
    }

    private func refuse(_ reason: String) -> MediaError {
        .badImage(path: path, format: "EXR", reason: reason)
    }
}
