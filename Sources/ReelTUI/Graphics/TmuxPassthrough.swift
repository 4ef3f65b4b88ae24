/// tmux's passthrough: a terminal command wrapped as `DCS tmux; … ST` with every ESC doubled,
/// which tmux hands to the terminal behind it unread (when `allow-passthrough` is on). A
/// namespace of pure functions.
enum TmuxPassthrough {
    /// `command` (one complete escape sequence) wrapped for tmux to pass on.
    static func wrap(_ command: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1B, UInt8(ascii: "P")] + Array("tmux;".utf8)
        out.reserveCapacity(command.count + 12)
        for byte in command {
            out.append(byte)
            if byte == 0x1B { out.append(0x1B) }
        }
        out += [0x1B, UInt8(ascii: "\\")]
        return out
    }
}
