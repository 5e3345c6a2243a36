/// `category-index.mustache`: a Docusaurus generated-index category page, its items as cards.
struct CategoryIndexView: TemplateView {
    static let template = "category-index"

    struct Card {
        var title: String
        var description: String?
        /// Relative to the category page, percent-encoded.
        var url: String
    }

    var cards: [Card]
}
