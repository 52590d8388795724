import Foundation

/// Reads a small text file named on the command line (a theme, a scenario). Regular files as
/// before; anything else that can be opened (a pipe from `--theme <(...)`, `/dev/null`, a device)
/// is read up to `maximumBytes`, so `/dev/zero` cannot hang, and an empty one is reported as such.
enum InputFile {
    static let maximumBytes = 4 << 20

    enum Problem: Error, Equatable {
        /// Could not be opened or read.
        case unreadable
        /// Not a regular file, and nothing came out of it: the problem text for the message.
        case emptySpecial(String)
    }

    static func read(_ path: String) -> Result<[UInt8], Problem> {
        guard FileManager.default.isReadableFile(atPath: path) else { return .failure(.unreadable) }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        if type == .typeRegular {
            guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable) }
            return .success([UInt8](data))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.unreadable) }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maximumBytes) else {
            // nil data: end of file at once.
            return .failure(.emptySpecial("is empty (\(describe(type)), not a regular file)"))
        }
        if data.isEmpty { return .failure(.emptySpecial("is empty (\(describe(type)), not a regular file)")) }
        return .success([UInt8](data))
    }

    private static func describe(_ type: FileAttributeType?) -> String {
        switch type {
        case .typeCharacterSpecial?: return "a character device"
        case .typeBlockSpecial?: return "a block device"
        case .typeSocket?: return "a socket"
        case .typeSymbolicLink?: return "a symbolic link"
        default: return "a pipe or special file"
        }
    }

    /// The UTF-8 byte order mark some editors put first: EF BB BF.
    static func droppingByteOrderMark(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    }
}
