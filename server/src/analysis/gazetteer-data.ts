// The built-in gazetteer as compact text (it ships in every bundle, so it stays small).
// One entry a line. Fields are separated by `|`, lists by `,`.
//   COUNTRIES: name | adjective and demonym forms | aliases
//   PLACES:    name | aliases            (a leading `*` marks a capital: "Moscow said" is the state speaking)
//   ORGS:      name | aliases
// Aliases written without lower-case letters (UN, NKR, U.S.) only match with that exact case.

export const COUNTRIES = `
Afghanistan|Afghan,Afghans|
Albania|Albanian,Albanians|
Algeria|Algerian,Algerians|
Andorra|Andorran,Andorrans|
Angola|Angolan,Angolans|
Antigua and Barbuda|Antiguan,Antiguans|
Argentina|Argentine,Argentinian,Argentines,Argentinians|
Armenia|Armenian,Armenians|
Australia|Australian,Australians|
Austria|Austrian,Austrians|
Azerbaijan|Azerbaijani,Azerbaijanis,Azeri,Azeris|
Bahamas|Bahamian,Bahamians|
Bahrain|Bahraini,Bahrainis|
Bangladesh|Bangladeshi,Bangladeshis|
Barbados|Barbadian,Barbadians|
Belarus|Belarusian,Belarusians|Byelorussia
Belgium|Belgian,Belgians|
Belize|Belizean,Belizeans|
Benin|Beninese|
Bhutan|Bhutanese|
Bolivia|Bolivian,Bolivians|
Bosnia and Herzegovina|Bosnian,Bosnians|Bosnia,Bosnia-Herzegovina
Botswana|Botswanan,Batswana|
Brazil|Brazilian,Brazilians|
Brunei|Bruneian,Bruneians|
Bulgaria|Bulgarian,Bulgarians|
Burkina Faso|Burkinabe|
Burundi|Burundian,Burundians|
Cambodia|Cambodian,Cambodians|
Cameroon|Cameroonian,Cameroonians|
Canada|Canadian,Canadians|
Cape Verde|Cape Verdean,Cape Verdeans|Cabo Verde
Central African Republic|Central African,Central Africans|CAR
Chad|Chadian,Chadians|
Chile|Chilean,Chileans|
China|Chinese|PRC,People's Republic of China,Mainland China
Colombia|Colombian,Colombians|
Comoros|Comoran,Comorans|
Democratic Republic of the Congo|Congolese|DRC,DR Congo,Congo-Kinshasa,Congo
Republic of the Congo||Congo-Brazzaville
Costa Rica|Costa Rican,Costa Ricans|
Croatia|Croatian,Croatians,Croats|
Cuba|Cuban,Cubans|
Cyprus|Cypriot,Cypriots|
Czech Republic|Czech,Czechs|Czechia
Denmark|Danish,Danes|
Djibouti|Djiboutian,Djiboutians|
Dominica|Dominican,Dominicans|
Dominican Republic||
East Timor|Timorese|Timor-Leste
Ecuador|Ecuadorian,Ecuadorians|
Egypt|Egyptian,Egyptians|
El Salvador|Salvadoran,Salvadorans|
Equatorial Guinea|Equatoguinean|
Eritrea|Eritrean,Eritreans|
Estonia|Estonian,Estonians|
Eswatini|Swazi,Swazis|Swaziland
Ethiopia|Ethiopian,Ethiopians|
Fiji|Fijian,Fijians|
Finland|Finnish,Finns|
France|French,Frenchman,Frenchmen|
Gabon|Gabonese|
Gambia|Gambian,Gambians|The Gambia
Georgia|Georgian,Georgians|
Germany|German,Germans|
Ghana|Ghanaian,Ghanaians|
Greece|Greek,Greeks|
Grenada|Grenadian,Grenadians|
Guatemala|Guatemalan,Guatemalans|
Guinea|Guinean,Guineans|
Guinea-Bissau|Bissau-Guinean|
Guyana|Guyanese|
Haiti|Haitian,Haitians|
Honduras|Honduran,Hondurans|
Hungary|Hungarian,Hungarians|
Iceland|Icelandic,Icelanders|
India|Indian,Indians|
Indonesia|Indonesian,Indonesians|
Iran|Iranian,Iranians|Islamic Republic of Iran,Persia
Iraq|Iraqi,Iraqis|
Ireland|Irish|Republic of Ireland,Eire
Israel|Israeli,Israelis|
Italy|Italian,Italians|
Ivory Coast|Ivorian,Ivorians|Cote d'Ivoire,Côte d'Ivoire
Jamaica|Jamaican,Jamaicans|
Japan|Japanese|
Jordan|Jordanian,Jordanians|
Kazakhstan|Kazakh,Kazakhs,Kazakhstani,Kazakhstanis|
Kenya|Kenyan,Kenyans|
Kiribati||
Kosovo|Kosovar,Kosovars|
Kuwait|Kuwaiti,Kuwaitis|
Kyrgyzstan|Kyrgyz|Kirghizia
Laos|Lao,Laotian,Laotians|
Latvia|Latvian,Latvians|
Lebanon|Lebanese|
Lesotho|Basotho|
Liberia|Liberian,Liberians|
Libya|Libyan,Libyans|
Liechtenstein||
Lithuania|Lithuanian,Lithuanians|
Luxembourg|Luxembourgish,Luxembourgers|
Madagascar|Malagasy|
Malawi|Malawian,Malawians|
Malaysia|Malaysian,Malaysians|
Maldives|Maldivian,Maldivians|
Mali|Malian,Malians|
Malta|Maltese|
Marshall Islands|Marshallese|
Mauritania|Mauritanian,Mauritanians|
Mauritius|Mauritian,Mauritians|
Mexico|Mexican,Mexicans|
Micronesia|Micronesian,Micronesians|
Moldova|Moldovan,Moldovans|Moldavia
Monaco|Monegasque|
Mongolia|Mongolian,Mongolians|
Montenegro|Montenegrin,Montenegrins|
Morocco|Moroccan,Moroccans|
Mozambique|Mozambican,Mozambicans|
Myanmar|Burmese|Burma
Namibia|Namibian,Namibians|
Nauru|Nauruan|
Nepal|Nepalese,Nepali,Nepalis|
Netherlands|Dutch,Dutchman|Holland,The Netherlands
New Zealand|New Zealander,New Zealanders|
Nicaragua|Nicaraguan,Nicaraguans|
Niger|Nigerien,Nigeriens|
Nigeria|Nigerian,Nigerians|
North Korea|North Korean,North Koreans|DPRK,Democratic People's Republic of Korea
North Macedonia|Macedonian,Macedonians|Macedonia
Norway|Norwegian,Norwegians|
Oman|Omani,Omanis|
Pakistan|Pakistani,Pakistanis|
Palau|Palauan|
Palestine|Palestinian,Palestinians|State of Palestine,Palestinian territories
Panama|Panamanian,Panamanians|
Papua New Guinea|Papua New Guinean|PNG
Paraguay|Paraguayan,Paraguayans|
Peru|Peruvian,Peruvians|
Philippines|Philippine,Filipino,Filipinos|The Philippines
Poland|Polish,Poles|
Portugal|Portuguese|
Qatar|Qatari,Qataris|
Romania|Romanian,Romanians|
Russia|Russian,Russians|Russian Federation
Rwanda|Rwandan,Rwandans|
Saint Kitts and Nevis||
Saint Lucia|Saint Lucian|
Saint Vincent and the Grenadines||
Samoa|Samoan,Samoans|
San Marino||
Sao Tome and Principe||São Tomé and Príncipe
Saudi Arabia|Saudi,Saudis|
Senegal|Senegalese|
Serbia|Serbian,Serbians,Serbs|
Seychelles|Seychellois|
Sierra Leone|Sierra Leonean,Sierra Leoneans|
Singapore|Singaporean,Singaporeans|
Slovakia|Slovak,Slovaks|
Slovenia|Slovenian,Slovenians,Slovene,Slovenes|
Solomon Islands||
Somalia|Somali,Somalis|
South Africa|South African,South Africans|
South Korea|South Korean,South Koreans|Republic of Korea,ROK,Korea
South Sudan|South Sudanese|
Spain|Spanish,Spaniards|
Sri Lanka|Sri Lankan,Sri Lankans|
Sudan|Sudanese|
Suriname|Surinamese|
Sweden|Swedish,Swedes|
Switzerland|Swiss|
Syria|Syrian,Syrians|
Taiwan|Taiwanese|Republic of China
Tajikistan|Tajik,Tajiks|
Tanzania|Tanzanian,Tanzanians|
Thailand|Thai|
Togo|Togolese|
Tonga|Tongan,Tongans|
Trinidad and Tobago|Trinidadian,Trinidadians|
Tunisia|Tunisian,Tunisians|
Turkey|Turkish,Turks|Türkiye,Turkiye
Turkmenistan|Turkmen|
Tuvalu||
Uganda|Ugandan,Ugandans|
Ukraine|Ukrainian,Ukrainians|
United Arab Emirates|Emirati,Emiratis|UAE,Emirates
United Kingdom|British,Britons,Briton|UK,U.K.,Britain,Great Britain
United States|American,Americans|US,U.S.,USA,U.S.A.,America,United States of America
Uruguay|Uruguayan,Uruguayans|
Uzbekistan|Uzbek,Uzbeks|
Vanuatu||
Vatican City||Vatican,Holy See
Venezuela|Venezuelan,Venezuelans|
Vietnam|Vietnamese|Viet Nam
Yemen|Yemeni,Yemenis|
Zambia|Zambian,Zambians|
Zimbabwe|Zimbabwean,Zimbabweans|
Scotland|Scottish,Scots|
England|English,Englishmen|
Wales|Welsh|
Northern Ireland||
Abkhazia|Abkhaz,Abkhazian|
South Ossetia|Ossetian,Ossetians|
Transnistria|Transnistrian|
Northern Cyprus||TRNC
Nagorno-Karabakh||Karabakh,Artsakh,NK,NKR,Nagorno Karabakh,Nagorny Karabakh,Mountainous Karabakh
Western Sahara|Sahrawi,Sahrawis|
Greenland|Greenlandic,Greenlanders|
Puerto Rico|Puerto Rican,Puerto Ricans|
Hong Kong||
Macau||Macao
Kurdistan|Kurdish,Kurds|
Chechnya|Chechen,Chechens|
Tibet|Tibetan,Tibetans|
Europe|European,Europeans|
Africa|African,Africans|
Asia|Asian,Asians|
Arabia|Arab,Arabs|
`;

export const PLACES = `
*Kabul
*Tirana
*Algiers
*Luanda
*Buenos Aires
*Yerevan
*Canberra
Sydney
Melbourne
*Vienna
*Baku
*Nassau
*Manama
*Dhaka
*Minsk
*Brussels
*Sucre
La Paz
*Sarajevo
*Gaborone
*Brasilia|Brasília
Rio de Janeiro
Sao Paulo|São Paulo
*Sofia
*Ouagadougou
*Phnom Penh
*Yaounde|Yaoundé
*Ottawa
Toronto
Montreal
Vancouver
*N'Djamena
*Santiago
*Beijing|Peking
Shanghai
Guangzhou
Shenzhen
Wuhan
*Bogota|Bogotá
*Kinshasa
*Brazzaville
*San Jose|San José
*Zagreb
*Havana
*Nicosia
*Prague
*Copenhagen
*Djibouti City
*Santo Domingo
*Quito
*Cairo
Alexandria
*San Salvador
*Asmara
*Tallinn
*Addis Ababa
*Helsinki
*Paris
Marseille
Lyon
*Libreville
*Banjul
*Tbilisi
*Berlin
Munich
Hamburg
Frankfurt
*Accra
*Athens
*Guatemala City
*Conakry
*Port-au-Prince
*Tegucigalpa
*Budapest
*Reykjavik
*New Delhi|Delhi
Mumbai|Bombay
Kolkata|Calcutta
Bangalore|Bengaluru
*Jakarta
*Tehran
*Baghdad
Mosul
Basra
Erbil
*Dublin
*Jerusalem
Tel Aviv
Haifa
*Rome
Milan
Naples
*Kingston
*Tokyo
Osaka
Hiroshima
*Amman
*Astana|Nur-Sultan
Almaty
*Nairobi
*Pristina
*Kuwait City
*Bishkek
*Vientiane
*Riga
*Beirut
*Tripoli
Benghazi
*Vilnius
*Antananarivo
*Kuala Lumpur
*Bamako
*Valletta
*Mexico City
*Chisinau|Chișinău
*Ulaanbaatar|Ulan Bator
*Podgorica
*Rabat
Casablanca
*Maputo
*Naypyidaw
Yangon|Rangoon
*Windhoek
*Kathmandu
*Amsterdam
The Hague
Rotterdam
*Wellington
Auckland
*Managua
*Niamey
*Abuja
Lagos
*Pyongyang
*Skopje
*Oslo
*Muscat
*Islamabad
Karachi
Lahore
*Panama City
*Asuncion|Asunción
*Lima
*Manila
*Warsaw
*Lisbon
*Doha
*Bucharest
*Moscow
Saint Petersburg|St. Petersburg,St Petersburg
Sochi
Kaliningrad
Rostov-on-Don
Vladivostok
*Kigali
*Riyadh
Jeddah
Mecca
Medina
*Dakar
*Belgrade
*Freetown
*Singapore
*Bratislava
*Ljubljana
*Mogadishu
*Pretoria
Johannesburg
Cape Town
*Seoul
Busan
*Juba
*Madrid
Barcelona
*Colombo
*Khartoum
*Stockholm
*Bern
Geneva
Zurich|Zürich
Davos
*Damascus
Aleppo
Homs
Idlib
*Taipei
*Dushanbe
*Dodoma
Dar es Salaam
*Bangkok
*Lome|Lomé
*Tunis
*Ankara
Istanbul
*Ashgabat
*Kampala
*Kyiv|Kiev
Kharkiv|Kharkov
Odesa|Odessa
Lviv
Mariupol
Donetsk
Luhansk|Lugansk
Kherson
Zaporizhzhia
Bakhmut
*Abu Dhabi
Dubai
*London
Manchester
Birmingham
Edinburgh
Glasgow
Belfast
Cardiff
*Washington|Washington D.C.,Washington, D.C.,Washington DC
New York|New York City,NYC
Los Angeles
Chicago
Houston
San Francisco
Boston
Philadelphia
Miami
Atlanta
Seattle
Dallas
Detroit
Las Vegas
*Montevideo
*Tashkent
Samarkand
*Caracas
*Hanoi
Ho Chi Minh City|Saigon
*Sanaa|Sana'a
Aden
*Lusaka
*Harare
*Stepanakert|Khankendi
Shusha|Shushi
Lachin
Ganja
Sumgait
Gyumri
*Sukhumi
*Tskhinvali
*Tiraspol
Gaza|Gaza City,Gaza Strip
West Bank
Ramallah
Crimea
Sevastopol
Donbas|Donbass
Kashmir
Xinjiang
Kurdistan Region
Siberia
Caucasus|South Caucasus,North Caucasus
Balkans
Middle East
Central Asia
Latin America
South America
North America
Southeast Asia
Scandinavia
Baltic States|Baltics
Black Sea
Caspian Sea
Mediterranean|Mediterranean Sea
Red Sea
Persian Gulf|Gulf
Arctic
Antarctica
Sahel
Alabama
Alaska
Arizona
Arkansas
California
Colorado
Connecticut
Delaware
Florida
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
Montana
Nebraska
Nevada
New Hampshire
New Jersey
New Mexico
New York State
North Carolina
North Dakota
Ohio
Oklahoma
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee
Texas
Utah
Vermont
Virginia
Washington State
West Virginia
Wisconsin
Wyoming
`;

export const ORGS = `
United Nations|UN,U.N.
UN Security Council|Security Council,United Nations Security Council,UNSC
UN General Assembly|General Assembly,United Nations General Assembly
NATO|North Atlantic Treaty Organization,Nato
European Union|EU,E.U.
European Commission
European Parliament
Council of Europe|PACE
OSCE|Organization for Security and Co-operation in Europe,OSCE Minsk Group,Minsk Group
CSTO|Collective Security Treaty Organization
CIS|Commonwealth of Independent States
Eurasian Economic Union|EAEU
African Union|AU
Arab League
ASEAN
OPEC
G7|G-7
G20|G-20
BRICS
Shanghai Cooperation Organisation|SCO
World Health Organization|WHO
World Trade Organization|WTO
International Monetary Fund|IMF
World Bank
International Atomic Energy Agency|IAEA
UNESCO
UNICEF
UNHCR
International Committee of the Red Cross|ICRC,Red Cross
Amnesty International
Human Rights Watch
Interpol
International Criminal Court|ICC
International Court of Justice|ICJ
European Court of Human Rights|ECHR
Hamas
Hezbollah
Taliban
Islamic State|ISIS,ISIL
al-Qaeda|Al Qaeda,al Qaeda
White House
Kremlin
Pentagon
State Department
Justice Department|Department of Justice
FBI
CIA
NSA
Congress
Senate
House of Representatives
Supreme Court
Republican Party|GOP
Democratic Party|DNC
Republican National Committee|RNC
Reuters
Associated Press|AP
Agence France-Presse|AFP
BBC
CNN
Fox News
TASS
Interfax
RIA Novosti
New York Times
Washington Post
Wall Street Journal
`;

// ---------------------------------------------------------------------------
// Word lists the entity rules use (lower case, space separated).

/** Capitalised words that begin sentences but never a name. */
export const STOP_WORDS = `a an the this that these those it its he she they we i you his her their our my your
him them us me there here then but and or nor so if when whenever while after before since until till on in at of
for to from by with without as about above below according also however meanwhile although though because yet
still now today tonight yesterday tomorrow nothing something everything anything everyone everybody someone nobody
none some many most much all both each every either neither no not one two three four five six seven eight nine
ten what who whom whose which where why how during over under between among amid despite instead thus therefore
moreover furthermore indeed already even just only such other another last next first second third earlier later
again once more less few several any do does did done is are was were be been being has have had will would can
could may might must should shall let into onto upon via per toward towards against within across around through
throughout beyond near outside inside unlike like whether unless whereas otherwise perhaps maybe probably
certainly clearly yes well oh ok okay please thanks thank speaking asked answering citing read see click sign share
photo photos video watch update updated breaking exclusive opinion analysis note source sources editor comment
related advertisement subscribe follow listen more contact copyright reporting additional writing editing q
correction clarification having keeps
`;

export const MONTHS = `january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
mon tue tues wed thu thur thurs fri sat sun`;

/** Head nouns of organisation names ("Ministry of Defense", "Information Headquarters"). */
export const ORG_HEADS = `ministry ministries headquarters administration council committee commission parliament
assembly office service services agency department court bank fund union party government cabinet navy police
university institute institution center centre organization organisation corporation company corp inc ltd llc plc gmbh holdings airlines airways
foundation association federation league network bureau directorate authority board tribunal guard senate
congress duma knesset rada majlis secretariat embassy consulate mission movement front coalition alliance campaign
news times post journal press tribune herald gazette telegraph chronicle television tv radio channel group council chamber prosecutor's procuracy
inspectorate commissariat staff command programme program united rovers fc club`;

/** Collective nouns for people: "Russian peacekeepers", "the Azerbaijani side", "Armed Forces". */
export const GROUP_NOUNS = `forces force troops army armies military militaries soldiers servicemen peacekeepers
peacekeeping side authorities officials leadership diplomats delegation delegations sources media units unit
guards community communities people citizens residents refugees protesters demonstrators rebels separatists
militants fighters activists opposition lawmakers politicians experts analysts students workers voters leaders
officers commanders population diaspora society public representatives envoys negotiators investigators
prosecutors police villagers settlers veterans volunteers border-guards`;

/** Lower-case words that may stand between a nationality and its group noun. */
export const GROUP_MODIFIERS = `peacekeeping armed military border security government state special local national
federal foreign top senior regular civil civilian political opposition ruling religious elite defense defence`;

/** Words that introduce a person's name: roles, titles, honorifics. */
export const ROLE_WORDS = `president vice-president president-elect premier minister secretary secretary-general
spokesman spokeswoman spokesperson senator sen congressman congresswoman representative rep governor gov mayor
chancellor king queen prince princess pope ambassador envoy general gen colonel col lieutenant lt captain capt
sergeant sgt commander admiral adm chief director chairman chairwoman chair ceo head leader deputy adviser advisor
analyst expert scientist economist professor prof dr doctor lawyer attorney judge justice journalist reporter
correspondent editor writer author historian researcher activist candidate nominee speaker ombudsman mr mrs ms miss
sir lord lady dame rev reverend father sheikh ayatollah officer official member mp lawmaker legislator aide
strategist pollster commentator blogger founder co-founder owner manager coach player actor actress singer
artist director-general commissioner prosecutor investigator inspector sheriff detective host anchor presenter
moderator emir sultan marshal patriarch archbishop bishop cardinal imam rabbi colleague daughter son wife husband
brother sister mother uncle aunt nephew niece cousin witness resident student teacher republican democrat`;

/** Words between a role and the name that belong to the role ("Secretary of State X"). */
export const ROLE_COMPLEMENTS = `prime foreign defense defence interior justice finance health education energy state
affairs home economy trade labor labour commerce agriculture transport culture environment deputy vice acting
former first chief senior general executive press national security attorney majority minority house senate
supreme federal district public foreign-policy`;

/** Verbs of saying and thinking that mark their subject or object as a speaker. */
export const SPEECH_VERBS = `said say says saying told tell tells added adds stated states noted notes stressed stresses
emphasized emphasised emphasizes emphasises warned warns explained explains believes believed thinks thought
claimed claims announced announces reported reports wrote writes declared declares insisted insists argued argues
asked asks replied replies responded responds answered answers commented comments continued continues concluded
acknowledged acknowledges admitted admits denied denies confirmed confirms suggested suggests urged urges recalled
recalls predicted predicts tweeted tweets posted posts testified mentioned mentions remarked observed
pointed points underlined underlines assured assures promised promises vowed vows called calls criticized
criticised accused accuses demanded demands proposed proposes hopes hoped fears feared expects expected
estimates estimated revealed reveals disclosed stressed maintained maintains countered retorted agreed agrees`;

/** Words that may follow a subject before its verb ("Azerbaijan again invited"). */
export const ADVERBS = `again also once still already now then further reportedly allegedly recently later
finally actually repeatedly never not just apparently previously officially publicly immediately even itself`;

/** Lower-case nouns a place cue or a road name ends with. */
export const PLACE_SUFFIXES = `region province district oblast county area city town village settlement municipality
territory valley river mountains mountain lake island islands peninsula coast border`;
export const ROUTE_SUFFIXES = `road roads highway route section railway railroad pipeline motorway corridor line
direction bridge pass crossing checkpoint axis front`;

/** Nouns that name a polity after "of the": "the Foreign Ministry of the unrecognized republic". */
export const POLITY_NOUNS = `republic country state kingdom region city federation union emirate territory enclave
autonomy province`;

/** Nouns a possessive country owns as an agent: "Azerbaijan's policy". */
export const AGENCY_NOUNS = `policy policies government leadership position stance actions action decision
decisions demands demand proposal plan plans strategy forces army military troops aggression refusal response
officials authorities president leader foreign efforts threat threats claims intention intentions attempt attempts`;

/** Common given names: a capitalised run that starts with one is a person. */
export const GIVEN_NAMES = `aaron abdul abdullah adam adrian ahmad ahmed ail akbar alan albert alberto aleksandr
alex alexander alexandra alexei alexey ali alice alicia alison amanda amy ana anatoly andre andrea andreas andrew
andrei andrey angela angelina ani ann anna anne anthony antonio antony araik arayik ararat arkady armen arsen arthur
artur ashot barack ben benjamin bernie betty bill boris brian bruce carl carlos carol catherine charles charlie
chris christian christina christine christopher claire claude craig dan daniel david davit debbie dennis diana
dmitry dmitri donald doug douglas edward elena elizabeth ellen emily emma emmanuel eric erik eva evgeny fatima
frank franz fyodor george georgy gevorg gor grant greg gregory gurgen hakan hamid hans harry hassan heinrich
helen henry hillary hovhannes hussein igor ilham ilya irina ivan jack jacob james jan jane janet jean jeff jeffrey
jennifer jessica jim jimmy joe johann john jonathan jordan jorge jose joseph juan julia julian karen karl kate
katherine kevin khaled kim kirill kristina larry laura lawrence leo leonid linda lisa liz louis luis lyudmila
maria marie mark martin mary maria matt matthew maxim michael michel mikhail mike mohammed muhammad mohammad nancy
narine natalia natalya nicholas nick nicolas nikol nikolai nina oleg olga omar pam pat patrick paul pavel peter
philip pierre rachel ralph ramil ray recep richard rick robert roberto ron ronald rustam ruben ryan sam samuel
sarah sara scott sergei sergey serzh simon stephen steve steven susan tatiana ted thomas tigran tim timothy tom
tony valentina valery vardan victor viktor vladimir vladislav walter william xi yuri yusuf zhanna
abby adele agnes alfred alison allen alvin amber andy angie anita annie april arnold ashley audrey austin barbara
becky bernard beth beverly bob bobby bonnie brad bradley brandon brenda brett bryan caitlin calvin cameron carla carmen
carolyn carrie casey cathy chad chelsea cheryl chuck cindy clara clarence clifford clint cody colin connie corey
courtney curtis cynthia dale dana danny darren darryl dave dean deborah denise derek diane dick dolores don donna
doris dorothy drew duncan dustin dwight earl ed eddie edith edwin eileen elaine eleanor eli elijah elliot ellie
elsa emilia eugene evan evelyn felix fiona florence frances francis fred gabriel gail gary gavin gene geoffrey
gerald gina glen glenn gloria gordon grace gwen hannah harold harriet heather heidi herbert holly howard ian irene
isaac jackie jake janice jared jason jay jean jeanne jeremy jerry jesse jill joan joanna jodi joel johnny jon josh
joshua joy joyce judith judy julie justin karl kathleen kathy katie keith kelly ken kenneth kerry kirk kristen kurt
kyle lance lauren leah lee leon leslie lester lily lindsey lloyd logan lois lorraine lucas lucy luke lynn madeline
marc marcus margaret marilyn marion marjorie marsha marshall martha marvin megan melanie melissa melvin mia mitch
mitchell molly monica morgan nadia naomi nathan neil nelson nora norman oliver oscar owen pamela patricia patty
paula peggy penny phil phyllis preston priscilla rachel randy raymond rebecca reggie rex rhonda rita robin rodney
roger ronnie rose roy russell ruth sally samantha sandra sandy sean seth shane shannon sharon sheila shirley sophie
stacy stanley stella stuart sue sylvia tammy tanya terry theresa tina todd tracy travis troy tyler vanessa vera
vernon vicki victoria vincent virginia wade wanda warren wayne wendy wesley whitney willie yvonne zach zachary sofia
mitt marco rand jeb newt hunter kamala mike kellyanne reince chris huma`;
