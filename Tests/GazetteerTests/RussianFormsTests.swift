import Testing

@testable import Gazetteer

struct RussianFormsTests {
    @Test(arguments: [
        ("астане", "астана"), ("астаны", "астана"), ("астану", "астана"), ("астаной", "астана"),
        ("таразе", "тараз"), ("тараза", "тараз"), ("таразом", "тараз"), ("караганде", "караганда"),
        ("семее", "семей"), ("костанае", "костанай"), ("франции", "франция"), ("тюмени", "тюмень"),
        ("нидерландах", "нидерланды"),
    ])
    func nouns(_ oblique: String, _ nominative: String) {
        #expect(RussianForms.baseForms(oblique).contains(nominative))
    }

    @Test(arguments: [
        ("актюбинской области", "актюбинская область"), ("алматинскую область", "алматинская область"),
        ("белгородской областью", "белгородская область"), ("краснодарского края", "краснодарский край"),
        ("краснодарском крае", "краснодарский край"), ("республике татарстан", "республика татарстан"),
        ("нижнем новгороде", "нижний новгород"),
    ])
    func adjectivePhrases(_ oblique: String, _ nominative: String) {
        #expect(RussianForms.baseForms(oblique).contains(nominative))
    }

    @Test func shortWordsAreLeftAlone() {
        #expect(RussianForms.noun("уфе").isEmpty)
        #expect(!RussianForms.baseForms("алматы").contains("алматы"))
    }

    @Test func detectsCyrillic() {
        #expect(RussianForms.isCyrillic("алматы"))
        #expect(!RussianForms.isCyrillic("almaty"))
    }
}
