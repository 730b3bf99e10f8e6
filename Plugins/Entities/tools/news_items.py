# Hand-annotated news items for make_news_sets.py (our own writing). See that script for the markup.
DEV = r"""
SOCCER - [[ARSENAL|ORG]] HELD AT HOME AS [[CHELSEA|ORG]] GO TOP .
[[LONDON|GPE]] [[1997-03-15|DATE]]
[[Arsenal|ORG]] were held to a 1-1 draw by [[Leicester|ORG]] at [[Highbury|FAC]] on [[Saturday|DATE]] , while [[Chelsea|ORG]] moved to the top of the [[Premier League|ORG]] with a 3-0 win over [[Southampton|ORG]] .
[[Dennis Bergkamp|PERSON]] gave [[Arsenal|ORG]] the lead after 20 minutes but [[Emile Heskey|PERSON]] equalised for the visitors shortly before half-time .
---
SOCCER - [[ENGLISH|NORP]] PREMIER LEAGUE RESULTS .
[[LONDON|GPE]] [[1997-03-15|DATE]]
Results of [[English|NORP]] premier league matches on [[Saturday|DATE]] :
[[Arsenal|ORG]] 1 [[Leicester|ORG]] 1
[[Chelsea|ORG]] 3 [[Southampton|ORG]] 0
[[Liverpool|ORG]] 2 [[Everton|ORG]] 2
[[Manchester United|ORG]] 2 [[Sheffield Wednesday|ORG]] 0
[[Newcastle|ORG]] 4 [[Coventry|ORG]] 1
[[Tottenham|ORG]] 0 [[Aston Villa|ORG]] 1
---
TENNIS - [[SAMPRAS|PERSON]] BEATS [[AGASSI|PERSON]] TO REACH FINAL .
[[INDIAN WELLS|GPE]] , [[California|GPE]] [[1997-03-15|DATE]]
Top seed [[Pete Sampras|PERSON]] of the [[United States|GPE]] beat compatriot [[Andre Agassi|PERSON]] 6-3 7-6 in the semifinals on [[Saturday|DATE]] .
[[Sampras|PERSON]] will meet [[Spaniard|NORP]] [[Carlos Moya|PERSON]] , who beat [[Thomas Muster|PERSON]] of [[Austria|GPE]] 6-4 6-2 .
---
CRICKET - [[PAKISTAN|GPE]] WIN BY FIVE WICKETS .
[[SHARJAH|GPE]] , [[United Arab Emirates|GPE]] [[1996-10-20|DATE]]
[[Pakistan|GPE]] beat [[Sri Lanka|GPE]] by five wickets in the one-day international on [[Sunday|DATE]] .
[[Saeed Anwar|PERSON]] top-scored with 82 and [[Wasim Akram|PERSON]] took three wickets for 24 runs .
---
MOTOR RACING - [[SCHUMACHER|PERSON]] ON POLE IN [[MONZA|GPE]] .
[[MONZA|GPE]] , [[Italy|GPE]] [[1996-09-07|DATE]]
[[Ferrari|ORG]] driver [[Michael Schumacher|PERSON]] took pole position for the [[Italian Grand Prix|EVENT]] on [[Saturday|DATE]] , ahead of [[Williams|ORG]] pair [[Damon Hill|PERSON]] and [[Jacques Villeneuve|PERSON]] .
Leading qualifying times :
1. [[Michael Schumacher|PERSON]] ( [[Germany|GPE]] ) [[Ferrari|ORG]] 1:24.204
2. [[Damon Hill|PERSON]] ( [[Britain|GPE]] ) [[Williams|ORG]] 1:24.367
3. [[Jean Alesi|PERSON]] ( [[France|GPE]] ) [[Benetton|ORG]] 1:24.581
---
GOLF - [[WOODS|PERSON]] SHARES LEAD IN [[LAS VEGAS|GPE]] .
[[LAS VEGAS|GPE]] [[1996-10-04|DATE]]
[[Tiger Woods|PERSON]] shot a seven-under-par 64 on [[Friday|DATE]] to share the lead with [[Australian|NORP]] [[Steve Elkington|PERSON]] and [[American|NORP]] [[Davis Love|PERSON]] at the [[Las Vegas Invitational|EVENT]] .
---
BASKETBALL - [[NBA|ORG]] RESULTS .
[[NEW YORK|GPE]] [[1996-12-06|DATE]]
Results of [[National Basketball Association|ORG]] games on [[Thursday|DATE]] ( home team in CAPS ) :
[[Chicago Bulls|ORG]] 102 [[NEW YORK KNICKS|ORG]] 98
[[HOUSTON ROCKETS|ORG]] 110 [[Utah Jazz|ORG]] 105
[[Los Angeles Lakers|ORG]] 95 [[SEATTLE SUPERSONICS|ORG]] 101
---
RUGBY UNION - [[ENGLAND|GPE]] NAME UNCHANGED SIDE FOR [[WALES|GPE]] MATCH .
[[LONDON|GPE]] [[1997-02-10|DATE]]
[[England|GPE]] coach [[Jack Rowell|PERSON]] named an unchanged team on [[Monday|DATE]] for the [[Five Nations|EVENT]] match against [[Wales|GPE]] in [[Cardiff|GPE]] .
Captain [[Phil de Glanville|PERSON]] and flanker [[Lawrence Dallaglio|PERSON]] both passed fitness tests .
---
[[German|NORP]] bank shares fall on profit warning .
[[FRANKFURT|GPE]] [[1996-08-22|DATE]]
Shares in [[Deutsche Bank|ORG]] fell [[2.4 percent|PERCENT]] on [[Thursday|DATE]] after the bank said profits for [[the first half|DATE]] would be lower than expected .
Analysts at [[Commerzbank|ORG]] said the [[Frankfurt|GPE]] group faced higher provisions for bad loans in eastern [[Germany|GPE]] .
---
[[U.S.|GPE]] jobless claims rise more than expected .
[[WASHINGTON|GPE]] [[1996-09-12|DATE]]
The number of [[Americans|NORP]] filing initial claims for jobless benefits rose by 12,000 [[last week|DATE]] , the [[Labor Department|ORG]] said on [[Thursday|DATE]] .
Economists polled by [[Reuters|ORG]] had forecast a rise of about 5,000 .
---
[[EU|ORG]] ministers meet on beef ban .
[[BRUSSELS|GPE]] [[1996-08-30|DATE]]
[[European Union|ORG]] farm ministers will meet in [[Brussels|GPE]] [[next week|DATE]] to discuss the ban on [[British|NORP]] beef exports , a spokesman for the [[European Commission|ORG]] said .
The [[Commission|ORG]] wants to lift the ban gradually , but [[Germany|GPE]] and [[Austria|GPE]] oppose any change .
---
[[Yeltsin|PERSON]] to undergo heart surgery .
[[MOSCOW|GPE]] [[1996-09-05|DATE]]
[[Russian|NORP]] President [[Boris Yeltsin|PERSON]] will have heart surgery later this year , the [[Kremlin|ORG]] said on [[Thursday|DATE]] .
[[Yeltsin|PERSON]] , 65 , made the announcement in a television interview with [[NTV|ORG]] .
Prime Minister [[Viktor Chernomyrdin|PERSON]] will take over some of his duties .
---
[[Israel|GPE]] and [[Palestinians|NORP]] resume talks in [[Cairo|GPE]] .
[[JERUSALEM|GPE]] [[1996-09-30|DATE]]
[[Israeli|NORP]] and [[Palestinian|NORP]] negotiators will resume talks on [[Hebron|GPE]] in [[Cairo|GPE]] on [[Tuesday|DATE]] , officials said .
[[Egyptian|NORP]] President [[Hosni Mubarak|PERSON]] invited [[Benjamin Netanyahu|PERSON]] and [[Yasser Arafat|PERSON]] to meet in the [[Egyptian|NORP]] capital .
---
[[Chinese|NORP]] premier [[Li Peng|PERSON]] arrived in [[Pakistan|GPE]] on a three-day visit on [[Monday|DATE]] , the official [[Xinhua|ORG]] news agency said .
[[Li|PERSON]] will hold talks with Prime Minister [[Benazir Bhutto|PERSON]] in [[Islamabad|GPE]] and visit [[Lahore|GPE]] .
---
[[Tokyo|GPE]] stocks end higher on bargain hunting .
[[TOKYO|GPE]] [[1996-08-28|DATE]]
[[Tokyo|GPE]] stocks closed higher on [[Wednesday|DATE]] as investors bought blue chips such as [[Toyota Motor Corp|ORG]] and [[Sony Corp|ORG]] .
The [[Nikkei|ORG]] average rose 152.36 points to 21,142.90 .
---
Oil prices climbed above [[$22|MONEY]] a barrel on [[Tuesday|DATE]] after [[Iraq|GPE]] said it would not pump more crude until the [[United Nations|ORG]] approved its oil-for-food plan .
Dealers in [[London|GPE]] said [[OPEC|ORG]] members [[Saudi Arabia|GPE]] and [[Kuwait|GPE]] were unlikely to raise output .
---
[[Microsoft Corp|ORG]] said on [[Monday|DATE]] it would invest [[$150 million|MONEY]] in [[Apple Computer Inc|ORG]] , ending years of legal disputes between the two companies .
[[Apple|ORG]] chief executive [[Steve Jobs|PERSON]] announced the deal at a trade show in [[Boston|GPE]] .
---
[[Nestle|ORG]] , the [[Swiss|NORP]] food group , reported a [[12 percent|PERCENT]] rise in first-half sales on [[Wednesday|DATE]] , helped by strong demand in [[Asia|LOC]] and [[Latin America|LOC]] .
---
[[British Airways|ORG]] and [[American Airlines|ORG]] said they would seek approval from regulators in [[Washington|GPE]] and [[London|GPE]] for their proposed alliance .
[[BA|ORG]] chief executive [[Bob Ayling|PERSON]] said the deal would benefit passengers on transatlantic routes .
---
Scientists at the [[University of Cambridge|ORG]] said on [[Monday|DATE]] they had found a gene linked to a rare form of childhood epilepsy .
The study , led by [[Sarah Whitfield|PERSON]] and published in the journal [[Nature|ORG]] , followed 40 families in [[Scotland|GPE]] and [[Ireland|GPE]] .
---
[[NASA|ORG]] said its [[Mars Pathfinder|PRODUCT]] probe had sent back the first pictures from the surface of [[Mars|LOC]] .
Mission scientist [[Matthew Golombek|PERSON]] told reporters at the [[Jet Propulsion Laboratory|ORG]] in [[Pasadena|GPE]] that the images were better than expected .
---
A fire destroyed a warehouse on the edge of [[Leeds|GPE]] [[overnight|TIME]] , [[West Yorkshire|GPE]] police said .
No one was hurt , but residents of nearby [[Kirkstall|GPE]] were told to keep their windows closed .
Station manager [[Paul Hendry|PERSON]] said crews from [[Bradford|GPE]] and [[Wakefield|GPE]] were called in .
---
The [[Greenwood|GPE]] town council voted 5-2 on [[Tuesday|DATE]] to close the public library on [[Elm Street|FAC]] .
Councillor [[Janet Moore|PERSON]] said the decision was " a sad day for the town " , while mayor [[Tom Becker|PERSON]] defended the budget cuts .
---
[[Afghan|NORP]] president [[Hamid Karzai|PERSON]] met [[U.S.|GPE]] envoy [[Zalmay Khalilzad|PERSON]] in [[Kabul|GPE]] on [[Sunday|DATE]] to discuss security in the south of the country , where [[Taliban|ORG]] fighters remain active .
---
[[Clinton|PERSON]] signs welfare bill .
[[WASHINGTON|GPE]] [[1996-08-22|DATE]]
President [[Bill Clinton|PERSON]] signed a sweeping welfare reform bill into law on [[Thursday|DATE]] , fulfilling a promise to " end welfare as we know it " .
[[Republican|NORP]] leaders in [[Congress|ORG]] said the measure was their victory , while some [[Democrats|NORP]] criticised it .
---
[[Bosnian|NORP]] [[Serb|NORP]] leader [[Radovan Karadzic|PERSON]] stepped down as president of the [[Serb|NORP]] republic , mediator [[Richard Holbrooke|PERSON]] said in [[Belgrade|GPE]] .
[[NATO|ORG]] troops in [[Bosnia|GPE]] will continue to patrol the area around [[Pale|GPE]] .
---
[[Kenya|GPE]] 's [[Daniel Komen|PERSON]] won the men 's 5,000 metres at the [[Golden League|EVENT]] meeting in [[Zurich|GPE]] , beating [[Ethiopian|NORP]] [[Haile Gebrselassie|PERSON]] into second place .
---
CYCLING - [[RIIS|PERSON]] WINS [[TOUR DE FRANCE|EVENT]] .
[[PARIS|GPE]] [[1996-07-21|DATE]]
[[Dane|NORP]] [[Bjarne Riis|PERSON]] won the [[Tour de France|EVENT]] on [[Sunday|DATE]] , ending [[Miguel Indurain|PERSON]] 's run of five successive titles .
[[Riis|PERSON]] , who rides for the [[Telekom|ORG]] team , finished one minute 41 seconds ahead of [[German|NORP]] teammate [[Jan Ullrich|PERSON]] .
---
SOCCER - [[DUTCH|NORP]] FIRST DIVISION SUMMARY .
[[AMSTERDAM|GPE]] [[1996-08-31|DATE]]
Summary of [[Dutch|NORP]] first division matches on [[Saturday|DATE]] :
[[Ajax Amsterdam|ORG]] 2 ( [[Kluivert|PERSON]] 34 , [[Litmanen|PERSON]] 70 ) [[Feyenoord|ORG]] 0 . Attendance 48,000 .
[[PSV Eindhoven|ORG]] 3 ( [[Ronaldo|PERSON]] 12 , 55 , [[Jonk|PERSON]] 80 ) [[Roda JC|ORG]] 1 ( [[Van Houdt|PERSON]] 66 ) .
---
SOCCER - [[JAPAN|GPE]] BEAT [[SYRIA|GPE]] IN [[ASIAN CUP|EVENT]] .
[[AL-AIN|GPE]] , [[United Arab Emirates|GPE]] [[1996-12-06|DATE]]
[[Japan|GPE]] began the defence of their [[Asian Cup|EVENT]] title with a 2-1 win over [[Syria|GPE]] in a group C match on [[Friday|DATE]] .
[[Kazuyoshi Miura|PERSON]] and [[Masakiyo Maezono|PERSON]] scored for the [[Japanese|NORP]] .
---
SOCCER - [[SPANISH|NORP]] LEAGUE STANDINGS .
[[MADRID|GPE]] [[1996-12-08|DATE]]
[[Spanish|NORP]] first division standings after [[Sunday|DATE]] 's matches ( tabulate under played , won , drawn , lost , goals for , against , points ) :
[[Real Madrid|ORG]] 15 11 4 0 31 10 37
[[Barcelona|ORG]] 15 10 4 1 42 17 34
[[Deportivo Coruna|ORG]] 15 9 5 1 24 9 32
[[Real Betis|ORG]] 15 8 4 3 30 15 28
[[Atletico Madrid|ORG]] 15 8 3 4 25 20 27
---
[[Wall Street|FAC]] ends mixed as tech stocks slide .
[[NEW YORK|GPE]] [[1996-11-13|DATE]]
The [[Dow Jones|ORG]] industrial average ended up 8 points on [[Wednesday|DATE]] , but the [[Nasdaq|ORG]] composite fell as investors sold shares of [[Intel Corp|ORG]] and [[Cisco Systems Inc|ORG]] .
---
[[Peruvian|NORP]] rebels hold hostages in [[Lima|GPE]] .
[[LIMA|GPE]] [[1996-12-18|DATE]]
Guerrillas from the [[Tupac Amaru Revolutionary Movement|ORG]] ( [[MRTA|ORG]] ) were holding hundreds of hostages at the [[Japanese|NORP]] ambassador 's residence on [[Wednesday|DATE]] .
President [[Alberto Fujimori|PERSON]] met his cabinet in the presidential palace . The [[MRTA|ORG]] demanded the release of jailed comrades .
---
Sen. [[Bob Dole|PERSON]] , the [[Republican|NORP]] presidential candidate , campaigned in [[Ohio|GPE]] and [[Michigan|GPE]] on [[Monday|DATE]] , promising a [[15 percent|PERCENT]] tax cut .
[[Dole|PERSON]] 's running mate , [[Jack Kemp|PERSON]] , spoke to factory workers in [[Detroit|GPE]] .
---
Unfortunately for the government , inflation rose to [[3.1 percent|PERCENT]] in [[July|DATE]] , the [[Office for National Statistics|ORG]] said .
Specifically , food prices rose [[0.8 percent|PERCENT]] , the biggest monthly increase since [[early 1995|DATE]] .
---
Shares in [[Rolls-Royce|ORG]] rose on [[Friday|DATE]] after the engine maker won a [[$1 billion|MONEY]] order from [[Singapore Airlines|ORG]] .
[[Rolls-Royce|ORG]] , based in [[Derby|GPE]] , said the contract would secure 2,000 jobs .
---
[[India|GPE]] 's ruling [[Congress|ORG]] party suffered heavy losses in state elections in [[Uttar Pradesh|GPE]] , where the [[Bharatiya Janata Party|ORG]] ( [[BJP|ORG]] ) won the most seats .
[[BJP|ORG]] leader [[Atal Bihari Vajpayee|PERSON]] said voters had rejected corruption .
---
The [[World Bank|ORG]] approved a [[$300 million|MONEY]] loan to [[Indonesia|GPE]] to help rebuild schools in [[Sumatra|LOC]] and [[Java|LOC]] , the bank said in a statement issued in [[Jakarta|GPE]] .
---
[[Canadian|NORP]] police arrested a man in [[Toronto|GPE]] on [[Tuesday|DATE]] in connection with a series of bank robberies in [[Ontario|GPE]] and [[Quebec|GPE]] .
A spokeswoman for the [[Royal Canadian Mounted Police|ORG]] , Sgt. [[Marie Dubois|PERSON]] , declined to name the suspect .
---
ATHLETICS - [[JOHNSON|PERSON]] WINS 200 METRES IN [[BRUSSELS|GPE]] .
[[BRUSSELS|GPE]] [[1996-08-23|DATE]]
[[Olympic|EVENT]] champion [[Michael Johnson|PERSON]] of the [[United States|GPE]] won the 200 metres in 19.87 seconds at the [[Ivo Van Damme|EVENT]] memorial meeting on [[Friday|DATE]] .
[[Namibia|GPE]] 's [[Frankie Fredericks|PERSON]] was second and [[Ato Boldon|PERSON]] of [[Trinidad|GPE]] third .
---
Leading results :
200 metres : 1. [[Michael Johnson|PERSON]] ( [[U.S.|GPE]] ) 19.87 2. [[Frankie Fredericks|PERSON]] ( [[Namibia|GPE]] ) 20.02 3. [[Ato Boldon|PERSON]] ( [[Trinidad|GPE]] ) 20.10
High jump : 1. [[Javier Sotomayor|PERSON]] ( [[Cuba|GPE]] ) 2.36 2. [[Charles Austin|PERSON]] ( [[U.S.|GPE]] ) 2.33
---
[[Volkswagen|ORG]] said on [[Thursday|DATE]] that sales in [[China|GPE]] rose [[20 percent|PERCENT]] in [[the first nine months|DATE]] , led by the [[Santana|PRODUCT]] model built by its [[Shanghai|GPE]] joint venture .
---
[[Irish|NORP]] police said on [[Saturday|DATE]] they had found a large arms cache near [[Dundalk|GPE]] , close to the border with [[Northern Ireland|GPE]] .
[[Sinn Fein|ORG]] , the political wing of the [[Irish Republican Army|ORG]] , denied any link .
---
The [[Australian|NORP]] dollar weakened against the [[U.S.|GPE]] currency after the [[Reserve Bank of Australia|ORG]] cut interest rates by half a percentage point .
Treasurer [[Peter Costello|PERSON]] said the move would support growth in [[Queensland|GPE]] and [[Western Australia|GPE]] .
"""

HELDOUT = r"""
SOCCER - [[ITALIAN|NORP]] SERIE A RESULTS .
[[ROME|GPE]] [[1996-09-08|DATE]]
Results of [[Italian|NORP]] first division matches on [[Sunday|DATE]] :
[[Juventus|ORG]] 1 [[Cagliari|ORG]] 0
[[AC Milan|ORG]] 2 [[Verona|ORG]] 1
[[Inter Milan|ORG]] 1 [[Lazio|ORG]] 1
[[Napoli|ORG]] 0 [[Parma|ORG]] 2
---
SOCCER - [[BAYERN|ORG]] CRUISE PAST [[HAMBURG|ORG]] .
[[MUNICH|GPE]] [[1996-10-19|DATE]]
[[Bayern Munich|ORG]] beat [[Hamburg|ORG]] 3-0 on [[Saturday|DATE]] to go two points clear at the top of the [[Bundesliga|ORG]] .
[[Juergen Klinsmann|PERSON]] scored twice and [[Mehmet Scholl|PERSON]] added a third after the break .
---
TENNIS - [[GRAF|PERSON]] , [[SELES|PERSON]] ADVANCE IN [[NEW YORK|GPE]] .
[[NEW YORK|GPE]] [[1996-09-03|DATE]]
Top seed [[Steffi Graf|PERSON]] of [[Germany|GPE]] beat [[Natasha Zvereva|PERSON]] of [[Belarus|GPE]] 6-4 6-2 at the [[U.S. Open|EVENT]] on [[Tuesday|DATE]] .
[[Monica Seles|PERSON]] also advanced , beating [[Czech|NORP]] [[Jana Novotna|PERSON]] in three sets .
---
[[French|NORP]] unions call new strike over pensions .
[[PARIS|GPE]] [[1996-11-25|DATE]]
[[French|NORP]] transport unions called a 24-hour strike for [[next Tuesday|DATE]] to protest against pension reforms proposed by Prime Minister [[Alain Juppe|PERSON]] .
The [[CGT|ORG]] union said trains in [[Paris|GPE]] and [[Marseille|GPE]] would be hit .
---
[[Swedish|NORP]] telecoms group [[Ericsson|ORG]] reported a [[25 percent|PERCENT]] rise in nine-month profits on [[Thursday|DATE]] , beating forecasts .
Chief executive [[Lars Ramqvist|PERSON]] said orders from [[Asia|LOC]] remained strong .
---
[[South Korea|GPE]] said on [[Friday|DATE]] it had arrested two [[North Korean|NORP]] agents near the border town of [[Panmunjom|GPE]] .
Officials in [[Seoul|GPE]] said the men had crossed the [[Demilitarised Zone|LOC]] [[last month|DATE]] .
---
[[Greek|NORP]] Prime Minister [[Costas Simitis|PERSON]] said on [[Monday|DATE]] that [[Greece|GPE]] would meet the targets for joining a single [[European|NORP]] currency by [[1999|DATE]] .
He spoke after talks in [[Athens|GPE]] with [[German|NORP]] Chancellor [[Helmut Kohl|PERSON]] .
---
CRICKET - [[ENGLAND|GPE]] V [[PAKISTAN|GPE]] SCOREBOARD .
[[LONDON|GPE]] [[1996-08-22|DATE]]
Scoreboard on the first day of the third test between [[England|GPE]] and [[Pakistan|GPE]] at [[The Oval|FAC]] on [[Thursday|DATE]] :
[[England|GPE]] first innings
[[M. Atherton|PERSON]] c [[Inzamam-ul-Haq|PERSON]] b [[Mushtaq Ahmed|PERSON]] 31
[[A. Stewart|PERSON]] b [[Waqar Younis|PERSON]] 44
[[N. Hussain|PERSON]] not out 12
---
[[Brazil|GPE]] 's central bank raised interest rates on [[Wednesday|DATE]] to defend the real , the bank 's president [[Gustavo Loyola|PERSON]] told reporters in [[Brasilia|GPE]] .
---
Researchers at [[Stanford University|ORG]] in [[California|GPE]] said they had developed a cheaper test for tuberculosis .
Dr. [[Anita Rao|PERSON]] , who led the team , said trials would begin in [[Kenya|GPE]] and [[Uganda|GPE]] [[next year|DATE]] .
---
Police in [[Manchester|GPE]] appealed for witnesses after a cyclist was injured in a hit-and-run on [[Oxford Road|FAC]] early on [[Sunday|DATE]] .
Inspector [[David Clarke|PERSON]] said the driver of a silver car did not stop .
---
[[Hungarian|NORP]] oil company [[MOL|ORG]] said it would buy a stake in [[Slovak|NORP]] refiner [[Slovnaft|ORG]] for [[$260 million|MONEY]] .
---
[[Zaire|GPE]] rebels seize town near [[Rwanda|GPE]] border .
[[KINSHASA|GPE]] [[1996-11-02|DATE]]
Rebels led by [[Laurent Kabila|PERSON]] captured the eastern town of [[Goma|GPE]] , aid workers said on [[Saturday|DATE]] .
The [[United Nations|ORG]] refugee agency [[UNHCR|ORG]] said 500,000 [[Rwandan|NORP]] refugees had fled the camps .
---
GOLF - [[MONTGOMERIE|PERSON]] LEADS [[EUROPEAN|NORP]] ORDER OF MERIT .
[[LONDON|GPE]] [[1996-09-30|DATE]]
[[Scotland|GPE]] 's [[Colin Montgomerie|PERSON]] strengthened his lead in the [[European|NORP]] order of merit after finishing second at the [[German Open|EVENT]] in [[Stuttgart|GPE]] .
[[Ian Woosnam|PERSON]] of [[Wales|GPE]] won the event by two strokes .
---
[[Philips Electronics|ORG]] said on [[Tuesday|DATE]] it would cut 6,000 jobs , mostly in the [[Netherlands|GPE]] and [[Belgium|GPE]] , as part of a restructuring of its consumer electronics division .
Analysts at [[ABN AMRO|ORG]] welcomed the move .
---
[[Mandela|PERSON]] opens new parliament session .
[[CAPE TOWN|GPE]] [[1997-02-07|DATE]]
President [[Nelson Mandela|PERSON]] opened the new session of [[South Africa|GPE]] 's parliament on [[Friday|DATE]] , urging [[South Africans|NORP]] to fight crime .
Deputy President [[Thabo Mbeki|PERSON]] and [[Zulu|NORP]] leader [[Mangosuthu Buthelezi|PERSON]] attended .
"""
