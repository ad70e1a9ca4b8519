#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The one loop that writes a whole buffer to a file descriptor, retrying interrupted and
/// short writes: the record store, `--output` files and the standard streams all use it.
public enum FileDescriptorWrite {
    /// Writes every byte; returns 0, or the `errno` of the write that failed.
    public static func all(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        guard let base = buffer.baseAddress else { return 0 }
        var offset = 0
        while offset < buffer.count {
            let result = write(descriptor, base + offset, buffer.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += result
        }
        return 0
    }
}
