#if os(Linux)
    import CLinux
#endif

/// How the C allocator grows its heaps, set when the command starts.
enum HeapTuning {
    /// glibc gives each thread's heap what it asks for plus 128 KiB, and trims back to that, so a
    /// build that decodes its cache (hundreds of thousands of small objects, on every core) grows
    /// its heaps by system calls thousands of times and faults fresh pages in again after each
    /// trim. With 64 MiB of headroom the cache of a 10,000-article site loads in 137–177 ms instead
    /// of 192–277 ms (`build --verbose` after a title edit, interleaved). Headroom never touched is
    /// never resident: peak memory and a cold build's time are unchanged. It must be set before the
    /// first threads make their heaps, so before any task starts.
    static func growHeapsInLargeSteps() {
        #if os(Linux)
            _ = mallopt(M_TOP_PAD, 64 << 20)
        #endif
    }
}
