// libFuzzer target: any bytes as what the terminal sends: each byte (or two, for ncurses' key
// codes) a key, ESC starting an SGR mouse report; every key mapped to the player's action.
// Built and run by `make fuzz`.
@testable import ReelTUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var codes = UnsafeBufferPointer(start: data, count: size).map { Int32($0) }
    var index = 0
    func next() -> Int32 {
        guard index < codes.count else { return -1 }  // ERR
        index += 1
        return codes[index - 1]
    }
    while index < codes.count {
        var code = next()
        // 0xFF then a byte: one of ncurses' KEY_ codes (0x100 and up).
        if code == 0xFF { code = 0x100 + next() }
        let key = code == 27 ? Key.afterEscape(next: next, unget: { index -= 1; codes[index] = $0 }) : Key(curses: code)
        _ = KeyMap.action(for: key)
    }
    _ = MouseEvent(sgr: String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}
