import ArgumentParser
import ReelTUI

/// `--graphics` and `--symbols`: how pictures reach the terminal, for play, render and bench.
struct GraphicsOptions: ParsableArguments {
    enum Choice: String, ExpressibleByArgument, CaseIterable {
        case auto, kitty, sixel, iterm, cells

        /// The back end named, or nil for auto (ask the terminal).
        var mode: GraphicsMode? {
            switch self {
            case .auto: return nil
            case .kitty: return .kitty
            case .sixel: return .sixel
            case .iterm: return .iterm
            case .cells: return .cells
            }
        }
    }

    enum Symbols: String, ExpressibleByArgument, CaseIterable {
        case half, quad, sextant, octant

        var symbols: CellSymbols {
            switch self {
            case .half: return .half
            case .quad: return .quad
            case .sextant: return .sextant
            case .octant: return .octant
            }
        }
    }

    @Option(help: "Pictures as kitty, sixel or iterm images, or as text cells; auto asks the terminal.")
    var graphics: Choice?

    @Option(help: "Block symbols for text cells: half, quad, sextant or octant (where the font has them; default half).")
    var symbols: Symbols?

    /// The symbols asked for, half when none were.
    var cellSymbols: CellSymbols { (symbols ?? .half).symbols }
}
