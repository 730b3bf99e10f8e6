import Foundation

/// File checks used at start-up only.
enum FileManagerShim {
    static func exists(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && !dir.boolValue
    }
}
