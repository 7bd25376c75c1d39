import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The processor time the process has used so far, in all its threads.
enum ProcessTime {
    /// User and system time in seconds, from `getrusage`.
    static func current() -> Double { used(by: RUSAGE_SELF) }

    /// User and system time in seconds of the child processes that have ended and been
    /// waited for.
    static func children() -> Double { used(by: RUSAGE_CHILDREN) }

    #if canImport(Glibc)
        private typealias Who = __rusage_who
    #else
        private typealias Who = Int32
    #endif

    private static func used(by who: Who) -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            let status = getrusage(__rusage_who_t(who.rawValue), &usage)
        #else
            let status = getrusage(who, &usage)
        #endif
        guard status == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
