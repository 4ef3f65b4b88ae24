#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The last termination signal received (SIGINT, SIGTERM, SIGHUP, SIGQUIT), 0 for none. A lock-free
/// atomic, so the handler may set it; the run loop reads it and leaves by the normal path,
/// which restores the terminal.
let receivedTerminationSignal = Atomic<Int32>(0)

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into a request to quit, instead of an exit that
/// would leave the terminal in raw mode. SIGQUIT (Ctrl-\\) too: Swift's runtime would otherwise
/// take it as a crash, draw a backtrace over the screen and leave the player running.
enum SignalTrap {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func install() {
        // A parent may hand down a mask that blocks them (threads of test runners and thread
        // pools do); a handler that never runs would leave Ctrl-C dead.
        var mask = sigset_t()
        sigemptyset(&mask)
        // The crash signals too: a blocked one sent by kill would never reach the handler that
        // puts the terminal back.
        for signal in signals + [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] { sigaddset(&mask, signal) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                receivedTerminationSignal.store(number, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Puts the default handlers back.
    static func uninstall() {
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = SIG_DFL
            sigaction(signal, &action, nil)
        }
    }
}
