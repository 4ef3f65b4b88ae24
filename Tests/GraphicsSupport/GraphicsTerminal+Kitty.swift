import CZlib
#if canImport(Glibc)
import Glibc
#endif
import ReelCore

/// kitty's graphics commands: transmissions (direct, chunked, zlib, shared memory), virtual
/// placements, deletes.
extension GraphicsTerminal {
    func kitty(_ body: [UInt8]) {
        guard body.first == UInt8(ascii: "G") else {
            errors.append("APC that is not a kitty command")
            return
        }
        if passthroughDepth == 0 { kittyCommandsOutsidePassthrough += 1 }
        let text = body.dropFirst()
        let semicolon = text.firstIndex(of: UInt8(ascii: ";"))
        let control = String(decoding: text[text.startIndex..<(semicolon ?? text.endIndex)], as: UTF8.self)
        let payload = semicolon.map { Array(text[($0 + 1)...]) } ?? []
        var keys: [String: String] = [:]
        for pair in control.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else {
                errors.append("kitty key without a value: \(pair)")
                continue
            }
            keys[String(parts[0])] = String(parts[1])
        }
        if var first = pendingKeys {
            // A continuation chunk carries only m (and q).
            if keys.keys.contains(where: { $0 != "m" && $0 != "q" }) { errors.append("continuation chunk with keys \(control)") }
            if payload.count > 4096 { errors.append("chunk of \(payload.count) bytes") }
            pendingPayload += payload
            if keys["m"] == "1" { return }
            first["m"] = "0"
            pendingKeys = nil
            transmit(first, payload: pendingPayload)
            return
        }
        switch keys["a"] ?? "t" {
        case "d":
            guard let id = keys["i"].flatMap(UInt32.init) else {
                if keys["d"] == "A" || keys["d"] == "a" {
                    deletedKittyIDs += liveKittyImages.keys
                    liveKittyImages = [:]
                    virtualImages = [:]
                } else {
                    errors.append("delete without an id: \(control)")
                }
                return
            }
            deletedKittyIDs.append(id)
            liveKittyImages[id] = nil
            virtualImages[id] = nil
        case "T", "t":
            if payload.count > 4096 { errors.append("chunk of \(payload.count) bytes") }
            if keys["m"] == "1" {
                pendingKeys = keys
                pendingPayload = payload
                return
            }
            transmit(keys, payload: payload)
        case "q":
            break
        default:
            errors.append("kitty action \(keys["a"] ?? "")")
        }
    }

    func transmit(_ keys: [String: String], payload: [UInt8]) {
        guard var data = Self.base64Decode(payload) else {
            errors.append("kitty payload is not base64")
            return
        }
        if keys["t"] == "s" {
            // The payload names a shared memory object: read it, then unlink it, as kitty does.
            let name = String(decoding: data, as: UTF8.self)
            guard let bytes = Self.readSharedMemory(name) else {
                errors.append("kitty shared memory \(name) cannot be read")
                return
            }
            if let size = keys["S"].flatMap(Int.init), size != bytes.count {
                errors.append("kitty shared memory \(name) holds \(bytes.count) bytes, S=\(size)")
            }
            sharedMemoryRead.append(name)
            data = bytes
        }
        guard let width = keys["s"].flatMap(Int.init), let height = keys["v"].flatMap(Int.init), width > 0, height > 0 else {
            errors.append("kitty image without s and v")
            return
        }
        let format = keys["f"] ?? "32"
        let channels = format == "24" ? 3 : 4
        if keys["o"] == "z" {
            guard let inflated = Self.inflate(data, expected: width * height * channels) else {
                errors.append("kitty payload does not inflate")
                return
            }
            data = inflated
        }
        guard format == "24" || format == "32", data.count == width * height * channels else {
            errors.append("kitty image f=\(format) \(width)x\(height) with \(data.count) bytes")
            return
        }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for p in 0..<(width * height) {
            for c in 0..<3 { rgb[p * 3 + c] = data[p * channels + c] }
        }
        let id = keys["i"].flatMap(UInt32.init) ?? 0
        liveKittyImages[id] = width * height * 4
        virtualImages[id] = nil
        if keys["U"] == "1" {
            guard let columns = keys["c"].flatMap(Int.init), let rows = keys["r"].flatMap(Int.init), columns > 0, rows > 0 else {
                errors.append("virtual placement without c and r")
                return
            }
            // kitty would scale a picture that is not its cells' size; Reel's never needs it.
            if width != columns * cell.width || height != rows * cell.height {
                errors.append("virtual placement of \(width)x\(height) over \(columns)x\(rows) cells of \(cell.width)x\(cell.height)")
            }
            virtualImages[id] = (width, height, channels, data, columns, rows)
        }
        shown.append(Shown(kind: .kitty(id: id), image: RGBImage(width: width, height: height, pixels: rgb)))
    }
}
