/// Capitals for "the capital" / "столица", by ISO country code (names as the gazetteer knows them).
enum Capitals {
    static let byCountry: [String: String] = [
        "KZ": "Astana", "RU": "Moscow", "GB": "London", "FR": "Paris", "BE": "Brussels",
        "NL": "Amsterdam", "SE": "Stockholm",
        "US": "Washington", "DE": "Berlin", "UZ": "Tashkent", "KG": "Bishkek", "TJ": "Dushanbe",
        "TM": "Ashgabat",
        "BY": "Minsk", "UA": "Kyiv", "AZ": "Baku", "GE": "Tbilisi", "AM": "Yerevan", "TR": "Ankara",
        "ES": "Madrid",
        "IT": "Rome", "AT": "Vienna", "DK": "Copenhagen", "NO": "Oslo", "FI": "Helsinki",
        "CN": "Beijing", "IL": "Jerusalem",
    ]
}
