/// What a terminal answered to `TerminalReplies.queries`, read from the bytes it sent back.
///
/// The queries go out in one burst with DA1 (primary device attributes) last: every terminal
/// answers DA1, and answers in order, so its reply means no other reply is still coming. Inside
/// tmux the queries tmux does not know are passed to the outer terminal (`allow-passthrough`)
/// with a DA1 of their own, so two DA1 replies end the burst there. A value.
public struct TerminalReplies: Equatable, Sendable {
    /// kitty answered its graphics query with OK.
    public var kittyGraphics = false
    /// kitty read a picture from shared memory Reel made (`t=s`): it runs on this machine.
    public var kittySharedMemory = false
    /// DA1 listed attribute 4: sixel graphics.
    public var sixel = false
    /// XTSMGRAPHICS: the colour registers sixel may use (the burst asks for 256; xterm as a
    /// VT340 starts with 16).
    public var sixelRegisters: Int?
    /// DECRQM 2026 said synchronized output is known (set or reset).
    public var synchronizedOutput = false
    /// XTGETTCAP RGB answered: the terminal takes 24-bit colour.
    public var trueColor = false
    /// CSI 16 t: a cell's size in pixels.
    public var cellPixels: (width: Int, height: Int)?
    /// CSI 14 t: the text area's size in pixels.
    public var windowPixels: (width: Int, height: Int)?
    /// XTVERSION: the terminal's name and version, as it gives them (inside tmux, the terminal
    /// behind it, asked through the passthrough).
    public var version: String?
    /// XTVERSION answered by tmux itself ("tmux 3.3a").
    public var tmuxVersion: String?
    /// DA1 replies seen.
    public var deviceAttributeReplies = 0

    public init() {}

    public static func == (a: TerminalReplies, b: TerminalReplies) -> Bool {
        a.kittyGraphics == b.kittyGraphics && a.kittySharedMemory == b.kittySharedMemory && a.sixel == b.sixel && a.sixelRegisters == b.sixelRegisters
            && a.synchronizedOutput == b.synchronizedOutput && a.trueColor == b.trueColor
            && a.cellPixels?.width == b.cellPixels?.width && a.cellPixels?.height == b.cellPixels?.height
            && a.windowPixels?.width == b.windowPixels?.width && a.windowPixels?.height == b.windowPixels?.height
            && a.version == b.version && a.tmuxVersion == b.tmuxVersion && a.deviceAttributeReplies == b.deviceAttributeReplies
    }

    /// The id Reel's kitty query uses, so its reply is told from any other.
    static let kittyQueryID = 31
    /// The id of the query that hands kitty a 1×1 picture in shared memory.
    static let kittySharedMemoryQueryID = 32

    /// The burst: kitty graphics query, XTGETTCAP RGB, DECRQM 2026, cell and window size in
    /// pixels, XTSMGRAPHICS (256 sixel registers asked for), XTVERSION, then DA1. Inside tmux (`passthrough`)
    /// the kitty query, XTVERSION and a second DA1 are wrapped to reach the outer terminal too.
    /// `sharedMemory` names an object holding one RGB pixel, for kitty to read if it can.
    public static func queries(passthrough: Bool, sharedMemory: String? = nil) -> [UInt8] {
        let kitty = "\u{1B}_Gi=\(kittyQueryID),s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\"
        var text = ""
        text += passthrough ? wrapped(kitty) : kitty
        if let name = sharedMemory {
            var payload: [UInt8] = []
            Array(name.utf8).withUnsafeBytes { Base64.append($0, to: &payload) }
            text += "\u{1B}_Gi=\(kittySharedMemoryQueryID),s=1,v=1,a=q,t=s,S=3,f=24;" + String(decoding: payload, as: UTF8.self) + "\u{1B}\\"
        }
        text += "\u{1B}P+q524742\u{1B}\\"
        text += "\u{1B}[?2026$p"
        text += "\u{1B}[16t\u{1B}[14t"
        text += "\u{1B}[?1;3;256S"
        text += "\u{1B}[>0q"
        if passthrough { text += wrapped("\u{1B}[>0q") + wrapped("\u{1B}[c") }
        text += "\u{1B}[c"
        return Array(text.utf8)
    }

    /// `sequence` in tmux's passthrough.
    static func wrapped(_ sequence: String) -> String {
        String(decoding: TmuxPassthrough.wrap(Array(sequence.utf8)), as: UTF8.self)
    }

    /// Reads every reply in `bytes`; bytes that are no reply (keys typed meanwhile) are skipped.
    public mutating func read(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x1B, i + 1 < bytes.count else {
                i += 1
                continue
            }
            switch bytes[i + 1] {
            case UInt8(ascii: "["):
                var j = i + 2
                while j < bytes.count, !(0x40...0x7E).contains(bytes[j]) { j += 1 }
                guard j < bytes.count else { return }
                csi(String(decoding: bytes[(i + 2)..<j], as: UTF8.self), final: bytes[j])
                i = j + 1
            case UInt8(ascii: "_"), UInt8(ascii: "P"):
                var j = i + 2
                while j + 1 < bytes.count, !(bytes[j] == 0x1B && bytes[j + 1] == UInt8(ascii: "\\")) { j += 1 }
                guard j + 1 < bytes.count else { return }
                let body = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
                if bytes[i + 1] == UInt8(ascii: "_") { apc(body) } else { dcs(body) }
                i = j + 2
            default:
                i += 2
            }
        }
    }

    private mutating func csi(_ parameters: String, final: UInt8) {
        let numbers = parameters.trimmingPrefix(while: { $0 == "?" || $0 == ">" }).split(separator: ";").map { Int($0.filter(\.isNumber)) }
        switch final {
        case UInt8(ascii: "c") where parameters.hasPrefix("?"):
            deviceAttributeReplies += 1
            if numbers.dropFirst().contains(4) { sixel = true }
        case UInt8(ascii: "y") where parameters.hasPrefix("?2026;"):
            // 1 set, 2 reset, 3 permanently set: known; 0 unknown, 4 permanently reset.
            if let state = numbers.last ?? nil, (1...3).contains(state) { synchronizedOutput = true }
        case UInt8(ascii: "t") where numbers.count == 3:
            guard let kind = numbers[0], let height = numbers[1], let width = numbers[2], width > 0, height > 0 else { return }
            if kind == 6 { cellPixels = (width, height) }
            if kind == 4 { windowPixels = (width, height) }
        case UInt8(ascii: "S") where parameters.hasPrefix("?1;"):
            if numbers.count == 3, numbers[1] == 0, let registers = numbers[2], registers > 0 { sixelRegisters = registers }
        default:
            break
        }
    }

    private mutating func apc(_ body: String) {
        guard body.hasPrefix("G") else { return }
        let parts = body.dropFirst().split(separator: ";", maxSplits: 1)
        guard parts.count == 2, parts[1] == "OK" else { return }
        let keys = parts[0].split(separator: ",")
        if keys.contains("i=\(Self.kittyQueryID)") { kittyGraphics = true }
        if keys.contains("i=\(Self.kittySharedMemoryQueryID)") { kittySharedMemory = true }
    }

    private mutating func dcs(_ body: String) {
        if body.hasPrefix("1+r") {
            // XTGETTCAP: "1+r" then hex names; only RGB was asked.
            if body.dropFirst(3).hasPrefix("524742") { trueColor = true }
        } else if body.hasPrefix(">|") {
            let name = String(body.dropFirst(2).unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.prefix(64))
            if name.hasPrefix("tmux ") { tmuxVersion = name } else { version = name }
        }
    }
}
