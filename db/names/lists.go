package names

import "strings"

// The word lists the rules consult. They are general knowledge (countries,
// capitals, common given names, the words organisations put in their
// names), written by hand, not taken from any library; see docs/names.md
// for how they were chosen.

// set builds a lookup from a space-separated list; "_" joins the words of
// one entry.
func set(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[strings.ReplaceAll(w, "_", " ")] = true
		}
	}
	return m
}

// places are countries, regions and major cities, as written in English
// news; aliases map other spellings to one of them.
var places = union(set(`
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria
Burma Burundi Cambodia Cameroon Canada Chad Chile China Colombia Congo Croatia Cuba Cyprus
Czech_Republic Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Ethiopia Fiji Finland France Gabon
Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India
Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan
Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Macedonia Madagascar Malawi
Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Monaco Mongolia Montenegro Morocco
Mozambique Myanmar Namibia Nepal Netherlands New_Zealand Nicaragua Niger Nigeria North_Korea Norway Oman
Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda
Saudi_Arabia Senegal Serbia Sierra_Leone Singapore Slovakia Slovenia Somalia South_Africa South_Korea
Spain Sri_Lanka Sudan Suriname Swaziland Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand
Togo Tonga Trinidad Tunisia Turkey Turkmenistan Uganda Ukraine United_Arab_Emirates United_Kingdom
United_States Uruguay Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe Tibet Chechnya Kashmir Darfur
Gaza West_Bank Palestinian_Territories Hong_Kong Macau Puerto_Rico Greenland Scotland Wales England
Northern_Ireland Ulster Britain Great_Britain Europe Asia Africa America North_America South_America
Latin_America Antarctica Arctic Middle_East Far_East Balkans Caribbean Scandinavia Siberia Pacific
Atlantic Mediterranean Gulf Persian_Gulf Baltic Caucasus Sahara Kurdistan Crimea Cornwall Devon Kent
Yorkshire Lancashire Essex Surrey Sussex Norfolk Suffolk Cumbria Merseyside Midlands
West_Midlands East_Anglia Highlands Ulster Hollywood Silicon_Valley Wall_Street Whitehall Westminster
Downing_Street City_of_London Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware
Florida Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico
New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina
South_Dakota Tennessee Texas Utah Vermont Virginia West_Virginia Washington Wisconsin Wyoming Ontario
Quebec Bavaria Catalonia Andalucia Sicily Sardinia Corsica Crete Tasmania Queensland Bengal Punjab
Gujarat Kerala Xinjiang Hokkaido Okinawa Bali Java Sumatra Borneo Mindanao`), cities)

// cities are the major cities, as written in English news: a sports report
// also names a club by its city ("Leicester v Bath").
var cities = set(`
London Manchester Birmingham Liverpool Leeds Sheffield Bristol Newcastle Nottingham Leicester Coventry
Bradford Cardiff Swansea Edinburgh Glasgow Aberdeen Dundee Belfast Derry Dublin Cork Oxford Cambridge
Brighton Blackpool Bournemouth Southampton Portsmouth Plymouth Exeter Norwich Ipswich Reading York Hull
Sunderland Middlesbrough Stoke Wolverhampton Derby Bath Chester Carlisle Inverness Stirling Wrexham Preston Bolton Wigan Blackburn Burnley Luton Watford Croydon Wimbledon
Paris Lyon Marseille Nice Bordeaux Toulouse Strasbourg Berlin Munich Hamburg Frankfurt Cologne Bonn
Stuttgart Dusseldorf Leipzig Dresden Madrid Barcelona Valencia Seville Bilbao Lisbon Porto Rome Milan
Naples Turin Florence Venice Genoa Bologna Amsterdam Rotterdam The_Hague Brussels Antwerp Geneva Zurich
Basel Bern Lausanne Vienna Salzburg Prague Budapest Warsaw Krakow Bucharest Sofia Belgrade Zagreb
Sarajevo Athens Thessaloniki Istanbul Ankara Moscow St_Petersburg Kiev Minsk Riga Vilnius Tallinn
Helsinki Stockholm Oslo Copenhagen Reykjavik Tehran Baghdad Basra Mosul Kabul Kandahar
Islamabad Karachi Lahore Delhi New_Delhi Mumbai Bombay Calcutta Kolkata Chennai Madras Bangalore
Hyderabad Dhaka Colombo Kathmandu Beijing Shanghai Guangzhou Shenzhen Tokyo Osaka Kyoto Yokohama Seoul
Pyongyang Taipei Manila Jakarta Bangkok Hanoi Saigon Ho_Chi_Minh_City Kuala_Lumpur Sydney Melbourne
Brisbane Perth Adelaide Canberra Auckland Wellington Cairo Alexandria Lagos Abuja Nairobi Mombasa
Johannesburg Cape_Town Pretoria Durban Harare Kinshasa Khartoum Addis_Ababa Accra Dakar Casablanca
Rabat Algiers Tunis Tripoli Jerusalem Tel_Aviv Beirut Damascus Amman Riyadh Jeddah Mecca Dubai Abu_Dhabi
Doha Kuwait_City Muscat Washington_DC New_York_City Los_Angeles San_Francisco Chicago Boston
Philadelphia Miami Houston Dallas Atlanta Seattle Detroit Denver Phoenix Las_Vegas
San_Diego San_Jose Baltimore Pittsburgh Cleveland Minneapolis St_Louis New_Orleans Nashville
Memphis Portland Sacramento Austin Orlando Toronto Montreal Vancouver Ottawa Calgary
Mexico_City Havana Caracas Bogota Lima Santiago Buenos_Aires Sao_Paulo Rio_de_Janeiro Rio Brasilia
Montevideo Quito La_Paz`)

func union(a, b map[string]bool) map[string]bool {
	for k := range b {
		a[k] = true
	}
	return a
}

// aliases folds other spellings of a place or organisation into one name.
var aliases = map[string]string{
	"US": "United States", "USA": "United States", "America": "United States",
	"United States of America": "United States",
	"UK":                       "United Kingdom", "Great Britain": "United Kingdom", "Britain": "United Kingdom",
	"LA": "Los Angeles", "NY": "New York", "Holland": "Netherlands", "The Netherlands": "Netherlands",
	"Burma": "Myanmar", "Bombay": "Mumbai", "Calcutta": "Kolkata", "Madras": "Chennai", "Saigon": "Ho Chi Minh City",
	"EU": "European Union", "UN": "United Nations", "Nato": "Nato", "NATO": "Nato",
	"Tories": "Conservatives", "Tory": "Conservatives", "Conservative Party": "Conservatives",
	"Lib Dems": "Liberal Democrats", "Lib Dem": "Liberal Democrats", "Labour Party": "Labour",
	"BoE": "Bank of England",
}

// organisations are well-known bodies usually named by one word or an
// acronym, which no rule can tell apart from a surname.
var organisations = set(`
Labour Conservatives Liberal_Democrats SNP Plaid_Cymru UKIP Sinn_Fein Democrats Republicans
European_Union United_Nations Nato IMF WTO Opec OECD Unesco Unicef Interpol Fifa Uefa IOC IAAF FA ICC
BBC ITV Channel_4 Sky CNN Reuters AP AFP Bloomberg Guardian Times Telegraph Independent Observer
Microsoft Google Apple Intel IBM Sony Nintendo Sega Yahoo Amazon eBay Nokia Motorola Samsung Vodafone
Toyota Honda Nissan Ford Porsche Volkswagen BMW Boeing Airbus Shell BP Exxon Gazprom Pentagon Kremlin Congress Senate Parliament Commons Treasury Whitehall_Government Ofcom Ofwat Ofgem
Arsenal Chelsea Liverpool_FC Celtic Rangers Barcelona_FC Juventus Ajax
`)

// orgWords make a capitalised sequence an organisation when they end it
// (or, for the first few, when they appear anywhere in it).
var orgWords = set(`
Group Holdings Bank Banks Association Associations Committee Commission Council Party Union University
College School Academy Ministry Department Office Agency Corporation Corp Inc Ltd Plc plc Company Co
Securities Financial Software Laboratories Labs Pictures Studios Airlines Airways Motors Partnership
Federation Federations Parliament Court Assembly Museum Gallery Institute Foundation Trust Society Club
United City Rovers Wanderers Athletic Albion Harriers Investment Investments Capital Partners
Magazine Weekly News Times Post Journal Telegraph Guardian Herald Mirror Express Mail
Independent Observer Gazette Radio Television TV Press Records Entertainment Media Networks
Network Communications Telecom Systems Technologies Technology Electronics Industries Industry Services
Energy Oil Petroleum Motor Insurance Fund Exchange Board Authority Administration Service Police Army
Navy Regiment Church House Brigade Front Movement Alliance Coalition Organisation Organization Team
Council Senate Congress Commons Lords Cabinet Executive Directorate Bureau Secretariat Tribunal
Partnership Arts Foundation Charity Trade Trading Markets Stores Foods Brewery
Brothers Bros Productions Publishing Publishers Broadcasting Telecommunications Pharmaceuticals
Chemicals Steel Mining Resources Enterprises Ventures Brands Limited LLC AG GmbH Cooperative
Co-operative Consortium Orchestra Philharmonic Choir Ensemble Watch Forces
`)

// orgPrefixes start the names of clubs and companies.
var orgPrefixes = set(`AC FC Real Sporting Inter Dynamo Atletico Bank`)

// placeWords make a capitalised sequence a place when they end it.
var placeWords = set(`
Street Road Avenue Lane Square Airport Hotel Theatre Theater Stadium Arena Park Cathedral Hall Bridge
River Lake Mountains Mountain Mount Island Islands Beach Bay Valley County Province Coast Sea Ocean
Palace Castle Abbey Tower Centre Center Station Port Harbour Forest Desert Peninsula Canal
`)

// honorifics come before a person's name.
var honorifics = set(`
Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Professor President Senator Governor Chancellor King Queen
Prince Princess Pope Judge Rev Reverend Father Archbishop Bishop Cardinal Sheikh Ayatollah 
Gen Colonel Col Captain Capt Lieutenant Sergeant Sgt Admiral Commander Inspector Detective Det
Justice Baroness Baron Earl Duke Duchess Mayor Chairman Minister Secretary Prime Attorney
`)

// nobleTitles name a person with "of": the Prince of Wales, the Duke of
// Edinburgh, the Archbishop of Canterbury.
var nobleTitles = set(`Prince Princess Duke Duchess Earl Countess Baron Baroness Lord Lady King Queen Archbishop Bishop`)

// roles are lower-case words that introduce a person: "analyst Howard Archer".
var roles = set(`
actor actress director producer writer author novelist novelists poet singer star stars comedian
presenter host artist sculptor painter photographer designer analyst analysts economist economists
strategist lawyer attorney prosecutor judge spokesman spokeswoman spokesperson chairman chairwoman
executive boss manager coach striker winger defender midfielder goalkeeper goalscorer captain player
players hurdler sprinter sprinters athlete runner champion medallist leader minister secretary
president premier chancellor frontbencher backbencher MP MPs MSP MSPs MEP MEPs senator governor mayor officer
official founder owner billionaire businessman businesswoman entrepreneur teenager nominee
candidate editor journalist reporter columnist critic professor lecturer scientist researcher
duo pair brother sister wife husband son daughter father mother widow colleague rival rivals
opponent opponents chief head deputy adviser consultant investor trader banker footballer
cricketer golfer boxer jockey driver rider skipper forward batsman bowler keeper tenor soprano
rapper guitarist drummer dancer comic campaigner activist protester inventor candidate
`)

// orgNouns are lower-case words that introduce or describe an
// organisation: "rival bank UFJ", "Turkcell, the mobile firm".
var orgNouns = set(`
firm firms company companies group bank banks rival maker makers carmaker giant giants club side team
agency network operator carrier retailer publisher developer broadcaster newspaper magazine paper
airline charity union party unit subsidiary consortium insurer lender supplier manufacturer brand
chain studio label website site regulator watchdog body council organisation organization institute
band bands orchestra carmaker carmakers conglomerate supermarket supermarkets tabloid outfit
`)

// events are the last words of the names of events, awards, laws and
// works, which are not counted as names here.
var events = set(`
Award Awards Prize Prizes Cup Championship Championships Prix Show Festival Trophy Series Invitational
Tour Games Olympics Bill Act Directive Treaty Conference Summit Day Week Year Story Diary Code Game
Oscar Oscars Emmy Emmys Grammy Grammys Marathon Open Classic Grand_National Derby Ceremony Convention Protocol Programme Plan Report Review
`)

// capitalisedRoles are the roles as they start a sentence or a title:
// "Director Alexander Payne".
var capitalisedRoles = func() map[string]bool {
	m := make(map[string]bool, len(roles))
	for r := range roles {
		m[strings.ToUpper(r[:1])+r[1:]] = true
	}
	return m
}()

// sayings are verbs a person is the subject of, for people and, less
// often, for organisations.
var sayings = set(`said says told tells added adds admitted admits argued argues explained insisted
insists claimed claims warned warns believes thinks hopes wants replied denied denies revealed
stressed suggested urged accused praised described confirmed announced`)

// demonyms name a nation's people or things, not a place.
var demonyms = set(`
Afghan Albanian Algerian American Americans Argentine Argentinian Armenian Australian Austrian
Bangladeshi Belgian Bolivian Bosnian Brazilian British Briton Britons Bulgarian Burmese Cambodian
Cameroonian Canadian Chilean Chinese Colombian Congolese Croatian Cuban Cypriot Czech Danish Dutch
Egyptian English Eritrean Estonian Ethiopian European Europeans Filipino Finnish French Georgian German
Germans Ghanaian Greek Haitian Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian
Jamaican Japanese Jordanian Kenyan Korean Kuwaiti Latvian Lebanese Liberian Libyan Lithuanian
Malaysian Mexican Moroccan Nepalese Nigerian Norwegian Pakistani Palestinian Peruvian Polish
Portuguese Romanian Russian Russians Rwandan Saudi Scottish Scot Scots Senegalese Serbian Slovak
Somali Spanish Sri_Lankan Sudanese Swedish Swiss Syrian Taiwanese Thai Tunisian Turkish Ugandan
Ukrainian Uruguayan Venezuelan Vietnamese Welsh Welshman Yemeni Zambian Zimbabwean African Asian
Arab Arabic Western Eastern Northern Southern Islamic Muslim Christian Jewish Catholic Protestant
Olympic Olympics Games Christmas Easter Latin Hispanic Caribbean Celtic Nordic Soviet Communist
Republican
`)

// stopwords are capitalised at the start of a sentence or a title but are
// never names on their own.
var stopwords = set(`
A An The And But Or Nor So Yet For In On At By To Of Off From With Without Within Into Onto Over
Under After Before Since Until During Despite Although Though While When Where Whether Which Who Whom
Whose What Why How If Unless As Because Than Then There Here This That These Those It Its It's He She
We They I I'm I've I'd You Your His Her Hers Him Them Their Our My Me Us Mine Theirs One Two Three
Four Five Six Seven Eight Nine Ten First Second Third Last Next New Old Many Much More Most Some Any
All Both Each Every Either Neither No Not Nothing None Only Also Even Just Still Already Yet Now Today
Tomorrow Yesterday However Meanwhile Moreover Furthermore Instead Indeed Perhaps Maybe Nevertheless
Other Others Another Such Same Former Latest Recent Recently Earlier Later Separately Similarly
Overall Elsewhere Together Asked Speaking According Among Against Around Along Across Between Beyond
Through Throughout Toward Towards Upon Via Per Like Unlike Please Yes Oh OK Ok Well Sadly Mostly
Let Let's Can Could Will Would Shall Should May Might Must Do Does Did Done Is Are Was Were Be Been
Being Have Has Had Having Get Got Go Going Gone Make Made Take Took See Saw Say Said Says Tell Told
General Chief Best Top Big Small Great Good Bad High Low Long Short Full Half Real True Free Open Total Final
Major Minor Senior Junior Young Early Late Key Main Official Ultimate Unsung Most_Wanted
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Mon Tue Wed Thu Fri Sat Sun Internet Web Net Christmas Easter BST GMT PM AM TV DVD CD PC PCs
Mr Mrs Ms Dr Sir Lord Lady St Jr Jnr Snr Sr
GDP GNP SMS CEO CFO ID IT IQ HIV AIDS OK UFO VAT
`)

// connectors may join the words of one name: "Bank of England".
var connectors = set(`of for de van von der den du da di del al bin el le la`)

// firstNames are common given names: a sequence that starts with one is a
// person's name unless other evidence says otherwise.
var firstNames = set(`
Aaron Adam Adrian Agnes Alan Albert Alec Alex Alexander Alexandra Alexei Alfred Ali Alice Alison Allan
Amanda Amy Andre Andrea Andreas Andrew Andy Angela Angus Ann Anna Anne Annie Anthony Antonio Arnold
Arthur Audrey Barbara Barry Ben Benjamin Bernard Bill Billy Bob Bobby Brad Brendan Brian Bruce Bryan
Carl Carlos Carol Caroline Catherine Charles Charlie Charlotte Chris Christian Christina Christine
Christopher Claire Clare Claude Colin Craig Dan Daniel Danny Darren Dave David Dean Dennis Derek Diana
Diane Dick Dominic Don Donald Doug Douglas Duncan Dustin Ed Eddie Edward Elizabeth Ellen Emily Emma
Eric Erik Ernest Eva Fiona Frances Francis Francois Frank Fred Gary Gavin Geoff Geoffrey George Gerald
Gerry Gordon Graham Grant Greg Gregory Hans Harold Harry Helen Henry Hilary Howard Hugh Hugo Ian Irina
Isabel Ivan Jack Jacques James Jamie Jane Janet Jason Jean Jeff Jeffrey Jennifer Jeremy Jerry Jessica
Jim Jimmy Joan Joe John Johnny Jon Jonathan Jose Joseph Josh Juan Judith Julia Julian Julie Juliette
Justin Karen Kate Katherine Kathy Keith Ken Kenneth Kevin Kim Kirsty Laura Lee Leo Leonardo Lewis Linda
Lisa Louis Louise Lucy Luis Luke Lynn Malcolm Marc Marcus Margaret Maria Marie Marion Mark Martin Mary
Matt Matthew Maurice Max Mel Michael Michel Michelle Mick Mike Mikhail Miles Natalie Neil Nick Nicholas
Nicola Nigel Norman Oliver Olivia Owen Pamela Pat Patricia Patrick Paul Paula Pete Peter Phil Philip
Pierre Rachel Ralph Ray Raymond Rebecca Renee Richard Rick Rio Rob Robert Robin Rod Roger Ron Ronald
Rory Ross Roy Ruby Rupert Russell Ruth Ryan Sally Sam Samuel Sandra Sarah Scott Sean Sebastian Sergei
Shane Sharon Simon Sophie Stephen Steve Steven Stuart Sue Susan Sydney Tim Timothy Tom Tommy
Tony Tracey Tracy Valerie Vanessa Victor Victoria Vincent Vladimir Walter Warren Wayne Will William
Yuri Zach Wolfgang Silvio Gerhard Jacques Nicolas Angela Ariel Hamid Hosni Kofi Osama Saddam
Yasser Mahmoud Mohammed Muhammad Ahmed Abdul Hassan Hussein Omar Junichiro Kim Hu Wen Ehud Condoleezza
Colin Dick Donald Hillary Arnold Rudy Lance Tiger Serena Venus Roger Rafael Andy Tim Jonny Clive Lawrence
Martina Maria Boris Gordon Thierry Jose Alan Sven Roman Wayne Steven Frank Ryan Cate Halle Gwyneth
Haile Paula Kelly Jason Virginia Quentin Thomas Rich Matt `)
