import Testing

@testable import AlertUI

/// Aliases match at the start of one of their words, never in the middle of one.
struct AliasWordTests {
    @Test(arguments: [
        ("alma-ata", "alm", true),
        ("alma-ata", "ata", true),
        ("алматы", "алм", true),
        ("pivdenna pal'mira", "alm", false),
        ("pivdenna pal'mira", "mira", true),
        ("pivdenna pal'mira", "pal", true),
        ("san francisco de albuquerque", "albu", true),
        ("san francisco de albuquerque", "buq", false),
        ("new york", "new york", true),
        ("new york", "w y", false),
        ("", "a", false),
        ("almaty", "", false),
    ])
    func wordStarts(name: String, term: String, expected: Bool) {
        #expect(PlaceMatcher.aWord(of: name, startsWith: term) == expected)
    }
}
