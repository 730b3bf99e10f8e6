import Testing
import StageKit
@testable import EntitiesStage

/// Built-in DATE, TIME, MONEY, PERCENT, EMAIL, URL and PHONE patterns.
struct PatternTests {
    @Test(arguments: [
        ("The talks resumed on Nov. 24 in Geneva.", "Nov. 24", "DATE"),
        ("Prices rose in January 2021 and fell later.", "January 2021", "DATE"),
        ("It began in the early 1990s under pressure.", "the early 1990s", "DATE"),
        ("Ministers will meet on Thursday to decide.", "Thursday", "DATE"),
        ("The law takes effect next month for all firms.", "next month", "DATE"),
        ("Sales doubled in 2024 across the region.", "2024", "DATE"),
        ("The vote was held on 24 November 2024 as planned.", "24 November 2024", "DATE"),
        ("Profits fell three years ago after the crash.", "three years ago", "DATE"),
        ("The deadline is 2025-03-31 for every bank.", "2025-03-31", "DATE"),
        ("The meeting starts at 9 a.m. sharp.", "9 a.m.", "TIME"),
        ("The train left at 14:30 from the station.", "14:30", "TIME"),
        ("Tickets cost €275 each this season.", "€275", "MONEY"),
        ("The app costs $4.99 per month.", "$4.99", "MONEY"),
        ("He paid 5 million dollars for the house.", "5 million dollars", "MONEY"),
        ("They raised $2.5 billion from investors.", "$2.5 billion", "MONEY"),
        ("Turnout reached 51% in the capital.", "51%", "PERCENT"),
        ("Inflation eased to 3.5 percent in May.", "3.5 percent", "PERCENT"),
        ("Write to jane.doe@example.org for details.", "jane.doe@example.org", "EMAIL"),
        ("See https://www.cfr.org/ for analysis.", "https://www.cfr.org/", "URL"),
        ("Visit www.example.com/news today.", "www.example.com/news", "URL"),
        ("Call +1 (555) 123-4567 after noon.", "+1 (555) 123-4567", "PHONE"),
        ("Call 555-123-4567 for help.", "555-123-4567", "PHONE"),
    ])
    func pattern_whenTextHasIt_findsExactSpan(text: String, span: String, label: String) throws {
        let found = try TestSupport.entities(text)
        #expect(found.contains { $0.0 == span && $0.1 == label }, "\(found)")
    }

    @Test(arguments: [
        "You may leave now if you wish.",
        "They march on the capital every spring.",
        "The score was 2021 points after 3 rounds.",
    ])
    func pattern_whenWordIsNotADate_tagsNoDate(text: String) throws {
        let found = try TestSupport.entities(text)
        #expect(!found.contains { $0.1 == "DATE" && ($0.0 == "may" || $0.0 == "march" || $0.0 == "spring") }, "\(found)")
    }

    @Test func pattern_urlTrailingPunctuation_isExcluded() throws {
        let found = try TestSupport.entities("Read it at (https://www.crisisgroup.org/).")
        #expect(found.contains { $0.0 == "https://www.crisisgroup.org/" && $0.1 == "URL" })
    }
}
