import Foundation

/// Finds the files a run reads: files as named, directories searched for minutes files in
/// sorted order, and "-" for standard input.
public enum InputFiles {
    /// The files to read, in order, and the paths that could not be used.
    public static func collect(_ paths: [String]) -> (files: [String], errors: [ReadError]) {
        var files: [String] = []
        var errors: [ReadError] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                files.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(ReadError(path: path, reason: .notFound))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                errors.append(ReadError(path: path, reason: .cannotOpen("cannot list directory")))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                guard MinutesReader.fileExtensions.contains(MinutesReader.fileExtension(of: relative)) else { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var isDir: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isDir) {
                    if !isDir.boolValue { found.append(full) }
                } else {
                    // Listed but not there: a link to nothing, or removed meanwhile. Never dropped silently.
                    errors.append(ReadError(path: full, reason: .cannotOpen("a symbolic link to nothing, or removed while the folder was read")))
                }
            }
            files.append(contentsOf: found.sorted())
        }
        // "Fixtures Fixtures/greve" or a file named twice is read once.
        var seen = Set<String>()
        let unique = files.filter { file in
            file == "-" || seen.insert(canonicalPath(file)).inserted
        }
        return (unique, errors)
    }

    /// The path with its symbolic links, "." and ".." resolved, made absolute: the same for every
    /// name of one file. By realpath(3) when the file is there, a few microseconds a file against
    /// URL's resolving (callgrind); by URL for a path that is not there yet (an output file).
    public static func canonicalPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
