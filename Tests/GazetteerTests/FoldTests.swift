import Testing

@testable import Gazetteer

struct FoldTests {
    @Test(arguments: [
        ("Almaty", "almaty"), ("ALMATY", "almaty"), ("Alma-Ata", "alma ata"), ("  Alma   Ata ", "alma ata"),
        ("Aktöbe", "aktobe"), ("Ural'sk", "uralsk"), ("Ural’sk", "uralsk"), ("Ёлки", "елки"),
        ("Актюбинской", "актюбинской"), ("Łódź", "lodz"), ("Straße", "strasse"), ("U.S.", "u s"),
        ("Qarağandı", "qaragandi"), ("Қарағанды", "қарағанды"), ("São Paulo", "sao paulo"), ("", ""),
        ("Санкт-Петербург", "санкт петербург"), ("ЙОШКАР-ОЛА", "йошкар ола"),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(Gazetteer.fold(input) == expected)
    }

    @Test func idempotent() {
        for s in ["Alma-Ata", "Актюбинской области", "Łódź", "Straße", "Nur-Sultan"] {
            let once = Gazetteer.fold(s)
            #expect(Gazetteer.fold(once) == once)
        }
    }
}
