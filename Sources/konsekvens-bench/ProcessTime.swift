import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The processor time the process has used so far, in all its threads.
enum ProcessTime {
    /// User and system time in seconds, from `getrusage`.
    static func current() -> Double {
        #if canImport(Glibc)
            used(by: __rusage_who_t(RUSAGE_SELF.rawValue))
        #else
            used(by: RUSAGE_SELF)
        #endif
    }

    /// User and system time in seconds of the child processes that have ended and been
    /// waited for.
    static func children() -> Double {
        #if canImport(Glibc)
            used(by: __rusage_who_t(RUSAGE_CHILDREN.rawValue))
        #else
            used(by: RUSAGE_CHILDREN)
        #endif
    }

    #if canImport(Glibc)
        private typealias Who = __rusage_who_t
    #else
        private typealias Who = Int32
    #endif

    private static func used(by who: Who) -> Double {
        var usage = rusage()
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
