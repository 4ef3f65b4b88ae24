import ReelCore
import Testing
@testable import ReelTUI

@Suite struct PlayerKeysTests {
    @Test(arguments: [
        (Key.character(" "), PlayerApp.Action.command(.togglePlay)),
        (.left, .command(.step(-1))), (.right, .command(.step(1))),
        (.shiftLeft, .command(.step(-10))), (.shiftRight, .command(.step(10))),
        (.home, .command(.first)), (.end, .command(.last)),
        (.character("["), .command(.slower)), (.character("]"), .command(.faster)),
        (.character("j"), .command(.shuttleReverse)), (.character("K"), .command(.stop)),
        (.character("l"), .command(.shuttleForward)),
        (.character("b"), .command(.setWorkAreaBegin)), (.character("N"), .command(.setWorkAreaEnd)),
        (.backspace, .command(.clearWorkArea)), (.character("\\"), .command(.clearWorkArea)),
        (.character("P"), .command(.cycleMode)), (.character("X"), .command(.clearCache)),
        (.character("q"), .quit), (.character("Q"), .quit), (.other(999), .nothing),
    ])
    func keysMapToCommands(_ key: Key, _ action: PlayerApp.Action) {
        #expect(PlayerApp.action(for: key) == action)
    }

    @Test func backspaceArrivesAsEitherCode() {
        #expect(Key(curses: 127) == .backspace)
        #expect(Key(curses: 8) == .backspace)
    }
}
