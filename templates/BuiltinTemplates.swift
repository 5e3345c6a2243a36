import Foundation

/// Where the default theme (Mustache templates and assets in `templates/theme/`) is installed.
public enum BuiltinTemplates {
    public static var directory: URL { Bundle.module.url(forResource: "theme", withExtension: nil)! }
}
