"""Hand-written additions for Scripts/gen-gazetteer: common English exonyms, historical and
Russian names, country forms and Kazakhstan's regions (iso-codes 4.15 predates the 2022 reform).
Written by the alertmon team from general knowledge."""

# GeoNames id -> canonical English name as the news writes it (GeoNames' own name stays an alias).
CITY_NAMES = {
    609655: "Karaganda",  # GeoNames: Karagandy
    1517945: "Turkestan",  # Turkistan
    1516589: "Zhezkazgan",  # Zhezqazghan
    1519843: "Rudny",  # Rudnyy
}

# GeoNames id -> extra aliases (historical names, Russian and Kazakh spellings).
CITY_ALIASES = {
    1526384: ["Alma-Ata", "Alma Ata", "Алма-Ата", "Алматы", "Almaty", "Vernyi", "Верный"],
    1526273: ["Nur-Sultan", "Нур-Султан", "Nursultan", "Tselinograd", "Целиноград", "Akmola", "Акмола",
              "Akmolinsk", "Акмолинск", "Астана"],
    610611: ["Aktyubinsk", "Актюбинск", "Aqtobe", "Актобе", "Ақтөбе"],
    610529: ["Guryev", "Guryev", "Гурьев", "Атырау"],
    608668: ["Uralsk", "Уральск", "Орал"],
    1519422: ["Semipalatinsk", "Семипалатинск", "Семей", "Semei"],
    1518542: ["Taldy-Kurgan", "Талды-Курган", "Талдыкорган", "Taldyqorghan"],
    1518980: ["Chimkent", "Чимкент", "Шымкент"],
    1516905: ["Dzhambul", "Zhambyl", "Jambyl", "Джамбул", "Жамбыл", "Тараз", "Aulie-Ata", "Аулие-Ата"],
    609655: ["Karagandy", "Qaraghandy", "Караганда", "Қарағанды"],
    1519928: ["Kustanai", "Kustanay", "Кустанай", "Костанай", "Qostanay"],
    1519922: ["Qyzylorda", "Кызылорда", "Қызылорда"],
    1520172: ["Petropavlovsk", "Петропавловск", "Петропавл"],
    1520240: ["Павлодар"],
    1520316: ["Oskemen", "Öskemen", "Усть-Каменогорск", "Өскемен"],
    1522203: ["Kokchetav", "Кокчетав", "Кокшетау", "Kokshetau"],
    610612: ["Shevchenko", "Шевченко", "Актау", "Aqtau"],
    1517945: ["Туркестан", "Turkistan"],
    1516589: ["Dzhezkazgan", "Жезказган", "Жезқазған"],
    1518262: ["Темиртау"],
    1524325: ["Экибастуз"],
    607610: ["Жанаозен", "Zhanaozen"],
    1519843: ["Рудный"],
    524901: ["Москва"],
    498817: ["Санкт-Петербург", "St. Petersburg", "St Petersburg", "Leningrad", "Ленинград", "Петербург"],
    578072: ["Белгород"],
}

# ISO 3166-1 alpha-2 -> canonical English name where GeoNames' differs from the news form.
COUNTRY_NAMES = {
    "GB": "United Kingdom",
    "US": "United States",
    "NL": "Netherlands",
    "RU": "Russia",
    "KZ": "Kazakhstan",
    "KR": "South Korea",
    "KP": "North Korea",
    "CZ": "Czechia",
}

# Common forms; short capitals-only forms ("UK", "US") are matched in running text only in capitals.
COUNTRY_ALIASES = {
    "GB": ["UK", "U.K.", "the UK", "Britain", "Great Britain", "the United Kingdom", "Великобритания",
           "Британия", "Соединённое Королевство"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "the US", "the USA", "the United States", "United States of America",
           "America", "США", "Соединённые Штаты", "Соединённые Штаты Америки", "Америка"],
    "NL": ["the Netherlands", "Holland", "Нидерланды", "Голландия"],
    "RU": ["Russian Federation", "Россия", "Российская Федерация", "РФ"],
    "KZ": ["Казахстан", "Қазақстан", "Qazaqstan", "Republic of Kazakhstan", "Республика Казахстан"],
    "FR": ["Франция"],
    "BE": ["Бельгия"],
    "SE": ["Швеция"],
    "DE": ["Германия"],
    "AE": ["UAE", "ОАЭ"],
    "UA": ["Украина"],
    "KG": ["Kyrgyzstan", "Kirghizia", "Киргизия", "Кыргызстан"],
    "UZ": ["Узбекистан"],
    "TJ": ["Таджикистан"],
    "TM": ["Туркмения", "Туркменистан"],
    "CN": ["Китай"],
    "TR": ["Turkey", "Türkiye", "Турция"],
}

# Region code -> (English base, canonical English name, more aliases...). "<base> Region/Oblast/
# Province/oblysy" are added by the generator.
REGIONS = {
    "KZ-ABA": ("Abai", "Abai Region", "Abay Region", "Абайская область", "область Абай"),
    "KZ-AKM": ("Akmola", "Akmola Region", "Aqmola Region", "Акмолинская область"),
    "KZ-AKT": ("Aktobe", "Aktobe Region", "Aqtobe Region", "Aktyubinsk Region", "Актюбинская область"),
    "KZ-ALM": ("Almaty", "Almaty Region", "Алматинская область"),
    "KZ-ATY": ("Atyrau", "Atyrau Region", "Атырауская область"),
    "KZ-KAR": ("Karaganda", "Karaganda Region", "Karagandy Region", "Qaraghandy Region",
               "Карагандинская область"),
    "KZ-KUS": ("Kostanay", "Kostanay Region", "Qostanay Region", "Костанайская область"),
    "KZ-KZY": ("Kyzylorda", "Kyzylorda Region", "Qyzylorda Region", "Кызылординская область"),
    "KZ-MAN": ("Mangystau", "Mangystau Region", "Mangistau Region", "Мангистауская область",
               "Мангыстауская область"),
    "KZ-PAV": ("Pavlodar", "Pavlodar Region", "Павлодарская область"),
    "KZ-SEV": ("North Kazakhstan", "North Kazakhstan Region", "Северо-Казахстанская область"),
    "KZ-ULY": ("Ulytau", "Ulytau Region", "Улытауская область", "область Улытау"),
    "KZ-VOS": ("East Kazakhstan", "East Kazakhstan Region", "Восточно-Казахстанская область"),
    "KZ-YUZ": ("Turkestan", "Turkestan Region", "South Kazakhstan Region", "Туркестанская область",
               "Южно-Казахстанская область"),
    "KZ-ZAP": ("West Kazakhstan", "West Kazakhstan Region", "Западно-Казахстанская область"),
    "KZ-ZHA": ("Zhambyl", "Zhambyl Region", "Jambyl Region", "Жамбылская область"),
    "KZ-ZHE": ("Zhetysu", "Zhetysu Region", "Jetisu Region", "Zhetisu Region", "Жетысуская область",
               "область Жетісу", "область Жетысу"),
    "RU-MOS": ("Moscow", "Moscow Oblast", "Московская область", "Подмосковье"),
    "RU-LEN": ("Leningrad", "Leningrad Oblast", "Ленинградская область"),
    "RU-BEL": ("Belgorod", "Belgorod Oblast", "Белгородская область"),
    "RU-KRS": ("Kursk", "Kursk Oblast", "Курская область"),
    "RU-BRY": ("Bryansk", "Bryansk Oblast", "Брянская область"),
    "RU-NIZ": ("Nizhny Novgorod", "Nizhny Novgorod Oblast", "Нижегородская область"),
    "RU-SVE": ("Sverdlovsk", "Sverdlovsk Oblast", "Свердловская область"),
    "RU-ORE": ("Orenburg", "Orenburg Oblast", "Оренбургская область"),
}
REGION_SKIP = set()

# Region code -> canonical name where the bare ISO name is better left to a city ("New York").
REGION_NAMES = {"US-NY": ("New York State", "New York"), "US-WA": ("Washington State", "Washington")}

# Romanised ISO stems that do not name a city by themselves.
RU_STEMS = {"Moskov": "Moscow", "Orlov": "Oryol", "Arhangel": "Arkhangelsk", "Nizhegorod": "Nizhny Novgorod",
            "Jaroslav": "Yaroslavl", "Yaroslav": "Yaroslavl", "Tul": "Tula", "Kaluzh": "Kaluga",
            "Tver": "Tver", "Penzen": "Penza", "Rjazan": "Ryazan", "Ryazan": "Ryazan", "Amur": "Amur",
            "Volgograd": "Volgograd", "Rostov": "Rostov", "Samar": "Samara", "Kirov": "Kirov"}

# Capitalised words that GeoNames knows as places but running text mostly does not mean as one.
# (lookup() still finds them; mentions() skips them.)
STOP_WORDS = """
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Of
Kazakh Russian English French American British German General Regional National Capital
North South East West Northern Southern Eastern Western Central Centre Center
President Government Ministry Committee Security Alert Level Red Yellow Blue Green White Black
Orange Terror Threat Update Breaking News Today Report Reports Officials Official Interior
Emergency Emergencies Moderate High Critical Severe
Январь Февраль Март Апрель Май Июнь Июль Август Сентябрь Октябрь Ноябрь Декабрь
Понедельник Вторник Среда Четверг Пятница Суббота Воскресенье
Центр Север Юг Восток Запад Уровень Угроза Террор Опасность Президент Правительство Министерство
""".split()

# Capitalised words that are places after "in", "at", "near", "from", "to" ("in Nice") but
# mostly ordinary words elsewhere ("Police said", "Nice work").
COMMON_WORDS = """
Police Mobile Reading Bath Nice Independence Liberty Union Hope Deal Split Sale Best Bad
Concord Normal Commerce Industry Surprise Paradise Temple Mission Pleasant Eagle Enterprise
Marathon Opportunity Friendly Gold Page Post Sandy Bay Cliff Hazard Prairie
Mark Justice Victory Progress Unity Freedom Harmony Energy Lenin Kirov Pushkin Gagarin
""".split()
