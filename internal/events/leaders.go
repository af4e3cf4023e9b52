package events

import "strings"

// leaderList is a small piece of world knowledge written here: heads of
// state and government, foreign ministers and a few other office holders
// of the 1970s-2020s, by the country they act for. It lets "President
// Bush" or "Bouteflika" carry a country when the sentence does not say
// which. Each line is "ISO3: name; name; ...". A name marked with "=" is
// matched in full only (its surname is too common to stand alone).
// Surnames are indexed when every listed bearer acts for one country.
// The optional gazetteer (NewWithGazetteer) is asked first.
const leaderList = `
USA: Ronald Reagan; George Bush; George H. W. Bush; George W. Bush; Bill Clinton; Hillary Clinton; Barack Obama; Donald Trump; Joe Biden; =Jimmy Carter; =Gerald Ford; Richard Nixon; Dick Cheney; Al Gore; =Condoleezza Rice; =Colin Powell; Madeleine Albright; Warren Christopher; =James Baker; George Shultz; Alexander Haig; Cyrus Vance; Henry Kissinger; =John Kerry; Rex Tillerson; Mike Pompeo; Antony Blinken; Donald Rumsfeld; =Robert Gates; Chuck Hagel; Leon Panetta; =Ashton Carter; =William Cohen; Caspar Weinberger; Dan Quayle; =Mike Pence; =Kamala Harris; =Lloyd Austin; John Bolton; Richard Holbrooke; Madeleine K. Albright; =Bill Richardson
RUS: Boris Yeltsin; Vladimir Putin; Dmitry Medvedev; Sergei Lavrov; Yevgeny Primakov; Andrei Kozyrev; Igor Ivanov; Viktor Chernomyrdin; Sergei Kiriyenko; Mikhail Kasyanov; Mikhail Fradkov; Sergei Shoigu; Sergei Ivanov; Mikhail Gorbachev; Eduard Shevardnadze; Leonid Brezhnev; Yuri Andropov; Konstantin Chernenko; Andrei Gromyko; Nikolai Ryzhkov; Mikhail Mishustin
GBR: Margaret Thatcher; =John Major; Tony Blair; =Gordon Brown; David Cameron; =Theresa May; =Boris Johnson; =Robin Cook; =Jack Straw; Douglas Hurd; Malcolm Rifkind; William Hague; Philip Hammond; =Jeremy Hunt; Dominic Raab; Geoffrey Howe; Margaret Beckett; David Miliband; Keir Starmer; Rishi Sunak; Liz Truss
FRA: Francois Mitterrand; François Mitterrand; Jacques Chirac; Nicolas Sarkozy; Francois Hollande; François Hollande; Emmanuel Macron; Lionel Jospin; Alain Juppe; Alain Juppé; Edouard Balladur; Dominique de Villepin; Hubert Vedrine; Hubert Védrine; Bernard Kouchner; Laurent Fabius; Jean-Yves Le Drian; Michel Barnier; Valery Giscard d'Estaing; Roland Dumas; Michel Rocard; Edith Cresson; Francois Fillon; François Fillon; Manuel Valls
DEU: Helmut Kohl; Gerhard Schroeder; Gerhard Schröder; Angela Merkel; Olaf Scholz; Helmut Schmidt; Hans-Dietrich Genscher; Klaus Kinkel; Joschka Fischer; Frank-Walter Steinmeier; Guido Westerwelle; Heiko Maas; Richard von Weizsaecker; Roman Herzog; Johannes Rau; Horst Koehler; Joachim Gauck
ITA: Silvio Berlusconi; Romano Prodi; Massimo D'Alema; Giuliano Amato; Matteo Renzi; Mario Monti; Enrico Letta; Paolo Gentiloni; Giuseppe Conte; Mario Draghi; Giulio Andreotti; Bettino Craxi; Lamberto Dini; Franco Frattini; Massimo D'Alema
ESP: Felipe Gonzalez; Felipe González; Jose Maria Aznar; José María Aznar; Jose Luis Rodriguez Zapatero; José Luis Rodríguez Zapatero; Mariano Rajoy; Pedro Sanchez; Pedro Sánchez; Javier Solana; Miguel Angel Moratinos
CHN: Deng Xiaoping; Jiang Zemin; Hu Jintao; Xi Jinping; Li Peng; Zhu Rongji; Wen Jiabao; Li Keqiang; Qian Qichen; Tang Jiaxuan; Li Zhaoxing; Yang Jiechi; Wang Yi; Zhao Ziyang; Hua Guofeng; Hu Yaobang; Qin Gang
JPN: Ryutaro Hashimoto; Keizo Obuchi; Yoshiro Mori; Junichiro Koizumi; Shinzo Abe; Yasuo Fukuda; Taro Aso; Yukio Hatoyama; =Naoto Kan; Yoshihiko Noda; Yoshihide Suga; Fumio Kishida; Yasuhiro Nakasone; Noboru Takeshita; Toshiki Kaifu; Kiichi Miyazawa; Morihiro Hosokawa; Tomiichi Murayama; Yohei Kono; Makiko Tanaka; Masahiko Komura; Emperor Akihito
IND: Indira Gandhi; Rajiv Gandhi; Sonia Gandhi; Rahul Gandhi; P. V. Narasimha Rao; Atal Bihari Vajpayee; Manmohan Singh; Narendra Modi; Jaswant Singh; Pranab Mukherjee; I. K. Gujral; H. D. Deve Gowda; Sushma Swaraj; Lal Krishna Advani; L. K. Advani; Subrahmanyam Jaishankar
PAK: Benazir Bhutto; Zulfikar Ali Bhutto; Nawaz Sharif; Shahbaz Sharif; Pervez Musharraf; Zia ul-Haq; Asif Ali Zardari; Yousaf Raza Gilani; =Imran Khan; Shaukat Aziz; Khurshid Kasuri; Shah Mahmood Qureshi; Farooq Leghari; =Ghulam Ishaq Khan; Raheel Sharif
AFG: Hamid Karzai; Ashraf Ghani; Abdullah Abdullah; Burhanuddin Rabbani; Mohammad Najibullah; Mullah Omar; Mullah Mohammad Omar
IRN: Ayatollah Khomeini; Ruhollah Khomeini; Ali Khamenei; Ayatollah Ali Khamenei; Akbar Hashemi Rafsanjani; Hashemi Rafsanjani; Mohammad Khatami; Mahmoud Ahmadinejad; Hassan Rouhani; Ebrahim Raisi; Ali Akbar Velayati; Kamal Kharrazi; Manouchehr Mottaki; Mohammad Javad Zarif; Ali Larijani
IRQ: Saddam Hussein; Tariq Aziz; Iyad Allawi; Ibrahim al-Jaafari; Nouri al-Maliki; Haider al-Abadi; Jalal Talabani; Hoshyar Zebari; Mustafa al-Kadhimi; Taha Yassin Ramadan; Izzat Ibrahim; Naji Sabri; Mohammed Saeed al-Sahhaf; Uday Hussein; Qusay Hussein
SYR: Hafez al-Assad; Hafez Assad; Bashar al-Assad; Bashar Assad; Farouk al-Sharaa; Farouk al-Shara; Walid al-Moualem; Walid Muallem; Abdul Halim Khaddam
ISR: Menachem Begin; Yitzhak Shamir; Shimon Peres; Yitzhak Rabin; Benjamin Netanyahu; Ehud Barak; Ariel Sharon; Ehud Olmert; Naftali Bennett; Yair Lapid; Moshe Arens; =David Levy; Tzipi Livni; Avigdor Lieberman; Silvan Shalom; Shaul Mofaz; Moshe Dayan; Ezer Weizman; Moshe Katsav; Reuven Rivlin; Benny Gantz
PSE: Yasser Arafat; Yasir Arafat; Mahmoud Abbas; Ahmed Qurei; Ahmed Qureia; Saeb Erekat; Nabil Shaath; Salam Fayyad; Ismail Haniyeh; Khaled Meshaal; Khaled Mashaal; Sheikh Ahmed Yassin; Abdel Aziz Rantisi; Faisal Husseini; Hanan Ashrawi; Marwan Barghouti; Farouk Kaddoumi
EGY: Anwar Sadat; Anwar el-Sadat; Hosni Mubarak; Mohamed Morsi; Mohammed Morsi; Abdel Fattah el-Sisi; Abdel Fattah al-Sisi; Amr Moussa; Ahmed Maher; Ahmed Aboul Gheit; Atef Ebeid; Ahmed Nazif; Omar Suleiman; Sameh Shoukry
JOR: =King Hussein; King Abdullah II; Abdullah II; Queen Rania; Abdul-Ilah al-Khatib; Nasser Judeh; Ayman Safadi
SAU: King Fahd; King Abdullah bin Abdul Aziz; Crown Prince Abdullah; King Salman; Mohammed bin Salman; Prince Saud al-Faisal; Saud al-Faisal; Prince Sultan; Prince Bandar bin Sultan; Adel al-Jubeir; Prince Nayef; Prince Turki al-Faisal
LBN: Rafik Hariri; Rafiq Hariri; Saad Hariri; Emile Lahoud; Michel Aoun; Amin Gemayel; Elias Hrawi; Fouad Siniora; Najib Mikati; Nabih Berri; Hassan Nasrallah; Walid Jumblatt; Michel Suleiman; Selim Hoss
LBY: Muammar Gaddafi; Muammar Qaddafi; Moammar Gadhafi; Moamer Kadhafi; Muammar al-Qaddafi; Saif al-Islam Gaddafi; Mustafa Abdul Jalil; Abdurrahim el-Keib; Fayez al-Sarraj; Khalifa Haftar
DZA: Abdelaziz Bouteflika; Liamine Zeroual; Chadli Bendjedid; Houari Boumediene; Abdelmadjid Tebboune; Ahmed Ouyahia; Mohamed Boudiaf; =Ali Kafi
MAR: King Hassan II; King Mohammed VI; Mohammed VI; Hassan II; Abderrahmane Youssoufi; Driss Jettou; Abbas El Fassi
TUN: Habib Bourguiba; Zine El Abidine Ben Ali; Zine el-Abidine Ben Ali; Beji Caid Essebsi; Moncef Marzouki; Kais Saied; Rached Ghannouchi
SDN: Omar al-Bashir; Omar el-Bashir; Omar Hassan al-Bashir; Sadiq al-Mahdi; Hassan al-Turabi; Jaafar Nimeiri; Abdalla Hamdok; Abdel Fattah al-Burhan; Mustafa Osman Ismail
SSD: Salva Kiir; Riek Machar; John Garang
TUR: Turgut Ozal; Turgut Özal; Suleyman Demirel; Süleyman Demirel; Tansu Ciller; Tansu Çiller; Bulent Ecevit; Bülent Ecevit; Necmettin Erbakan; Mesut Yilmaz; Recep Tayyip Erdogan; Recep Tayyip Erdoğan; Abdullah Gul; Abdullah Gül; Ahmet Davutoglu; Ahmet Davutoğlu; Ahmet Necdet Sezer; Ismail Cem; Ali Babacan; Mevlut Cavusoglu; Mevlüt Çavuşoğlu; Binali Yildirim; Hikmet Cetin
GRC: Andreas Papandreou; George Papandreou; Costas Simitis; Kostas Karamanlis; Constantine Mitsotakis; Kyriakos Mitsotakis; Alexis Tsipras; Theodoros Pangalos; Karolos Papoulias
CYP: Glafcos Clerides; Tassos Papadopoulos; Demetris Christofias; Nicos Anastasiades; Rauf Denktash
SRB: Slobodan Milosevic; Slobodan Milošević; Zoran Djindjic; Zoran Đinđić; Vojislav Kostunica; Vojislav Koštunica; Boris Tadic; Boris Tadić; Aleksandar Vucic; Aleksandar Vučić; Tomislav Nikolic; Milan Milutinovic; Vuk Draskovic; Vuk Drašković; Momir Bulatovic
HRV: Franjo Tudjman; Franjo Tuđman; Stjepan Mesic; Stjepan Mesić; Ivo Sanader; Ivica Racan; Mate Granic
BIH: Alija Izetbegovic; Alija Izetbegović; Haris Silajdzic; Radovan Karadzic; Radovan Karadžić; Ratko Mladic; Ratko Mladić; Biljana Plavsic
MKD: Kiro Gligorov; Boris Trajkovski; Ljubco Georgievski; Branko Crvenkovski; Nikola Gruevski
ALB: Sali Berisha; Fatos Nano; Ramiz Alia; Enver Hoxha; =Edi Rama; Ilir Meta
XKX: Ibrahim Rugova; Hashim Thaci; Hashim Thaçi; Ramush Haradinaj
UKR: Leonid Kravchuk; Leonid Kuchma; Viktor Yushchenko; Viktor Yanukovych; Yulia Tymoshenko; Petro Poroshenko; Volodymyr Zelensky; Volodymyr Zelenskyy; Arseniy Yatsenyuk; Pavlo Klimkin; Dmytro Kuleba
BLR: Alexander Lukashenko; Alyaksandr Lukashenka; Stanislav Shushkevich
GEO: Zviad Gamsakhurdia; Mikheil Saakashvili; Mikhail Saakashvili
ARM: Levon Ter-Petrosian; Robert Kocharian; Serzh Sargsyan; Nikol Pashinyan
AZE: Heydar Aliyev; Ilham Aliyev; Abulfaz Elchibey
KAZ: Nursultan Nazarbayev; Kassym-Jomart Tokayev
UZB: Islam Karimov; Shavkat Mirziyoyev
TJK: Emomali Rakhmonov; Emomali Rahmon
TKM: Saparmurat Niyazov; Gurbanguly Berdimuhamedow
POL: Lech Walesa; Lech Wałęsa; Wojciech Jaruzelski; Aleksander Kwasniewski; Aleksander Kwaśniewski; Lech Kaczynski; Lech Kaczyński; Jaroslaw Kaczynski; Jarosław Kaczyński; Donald Tusk; Tadeusz Mazowiecki; Radoslaw Sikorski; Radosław Sikorski; Andrzej Duda; Bronislaw Komorowski; Mateusz Morawiecki
CZE: Vaclav Havel; Václav Havel; Vaclav Klaus; Václav Klaus; Milos Zeman; Miloš Zeman; Andrej Babis
SVK: Vladimir Meciar; Vladimír Mečiar; Robert Fico; Mikulas Dzurinda
HUN: Viktor Orban; Viktor Orbán; Gyula Horn; Jozsef Antall; Árpád Göncz; Arpad Goncz; Ferenc Gyurcsany
ROU: Nicolae Ceausescu; Nicolae Ceaușescu; Ion Iliescu; Emil Constantinescu; Traian Basescu; Traian Băsescu; Klaus Iohannis; =Petre Roman
BGR: Todor Zhivkov; Zhelyu Zhelev; Petar Stoyanov; Georgi Parvanov; Boyko Borisov; Simeon Saxe-Coburg; Rosen Plevneliev
LTU: Vytautas Landsbergis; Algirdas Brazauskas; Valdas Adamkus; Dalia Grybauskaite
LVA: Guntis Ulmanis; Vaira Vike-Freiberga
EST: Lennart Meri; Arnold Ruutel
NLD: Ruud Lubbers; Wim Kok; Jan Peter Balkenende; Mark Rutte; Hans van den Broek; =Ben Bot; Queen Beatrix
BEL: Wilfried Martens; Jean-Luc Dehaene; Guy Verhofstadt; Herman Van Rompuy; Yves Leterme; Elio Di Rupo; =Charles Michel; =Louis Michel
AUT: Kurt Waldheim; Franz Vranitzky; Viktor Klima; Wolfgang Schuessel; Wolfgang Schüssel; Thomas Klestil; Heinz Fischer; Joerg Haider; Jörg Haider; Sebastian Kurz; Alois Mock
CHE: Micheline Calmy-Rey; Flavio Cotti; Didier Burkhalter; Ignazio Cassis
SWE: Olof Palme; Ingvar Carlsson; Carl Bildt; Goran Persson; Göran Persson; Fredrik Reinfeldt; Stefan Lofven; Stefan Löfven; Anna Lindh; Margot Wallstrom; Margot Wallström
NOR: Gro Harlem Brundtland; Kjell Magne Bondevik; Jens Stoltenberg; Thorbjorn Jagland; Thorvald Stoltenberg; Jonas Gahr Store; Jonas Gahr Støre; Erna Solberg; Jan Egeland; Johan Jorgen Holst
DNK: Poul Schluter; Poul Nyrup Rasmussen; Anders Fogh Rasmussen; Lars Lokke Rasmussen; Lars Løkke Rasmussen; Helle Thorning-Schmidt; Uffe Ellemann-Jensen; Mette Frederiksen
FIN: Martti Ahtisaari; Tarja Halonen; Mauno Koivisto; Paavo Lipponen; Esko Aho; Sauli Niinisto; Sauli Niinistö; Matti Vanhanen; Sanna Marin
IRL: Charles Haughey; Albert Reynolds; John Bruton; Bertie Ahern; Brian Cowen; Enda Kenny; Leo Varadkar; =Mary Robinson; Mary McAleese; =Dick Spring; Brian Cowen
PRT: Mario Soares; Mário Soares; Anibal Cavaco Silva; Aníbal Cavaco Silva; Antonio Guterres; António Guterres; Jose Manuel Barroso; José Manuel Barroso; Jorge Sampaio; Antonio Costa; António Costa
CAN: Pierre Trudeau; Brian Mulroney; Jean Chretien; Jean Chrétien; =Paul Martin; Stephen Harper; Justin Trudeau; Lloyd Axworthy; =Joe Clark
AUS: Bob Hawke; =Paul Keating; =John Howard; Kevin Rudd; Julia Gillard; =Tony Abbott; Malcolm Turnbull; Scott Morrison; Anthony Albanese; Alexander Downer; Gareth Evans
NZL: David Lange; Jim Bolger; =Helen Clark; =John Key; Jacinda Ardern
MEX: Carlos Salinas; Carlos Salinas de Gortari; Ernesto Zedillo; =Vicente Fox; Felipe Calderon; Felipe Calderón; Enrique Pena Nieto; Enrique Peña Nieto; Andres Manuel Lopez Obrador; Andrés Manuel López Obrador; Miguel de la Madrid
CUB: Fidel Castro; Raul Castro; Raúl Castro; Miguel Diaz-Canel; Felipe Perez Roque; Ricardo Alarcon
VEN: Hugo Chavez; Hugo Chávez; Nicolas Maduro; Nicolás Maduro; Carlos Andres Perez; Rafael Caldera; Juan Guaido; Juan Guaidó
COL: Cesar Gaviria; César Gaviria; Ernesto Samper; Andres Pastrana; Andrés Pastrana; Alvaro Uribe; Álvaro Uribe; Juan Manuel Santos; Ivan Duque; Iván Duque; Gustavo Petro; Virgilio Barco
PER: Alberto Fujimori; =Alan Garcia; =Alan García; Alejandro Toledo; Ollanta Humala; Pedro Pablo Kuczynski; Martin Vizcarra; Abimael Guzman
BRA: Fernando Collor; Fernando Collor de Mello; Itamar Franco; Fernando Henrique Cardoso; Luiz Inacio Lula da Silva; Luiz Inácio Lula da Silva; Lula da Silva; Dilma Rousseff; Michel Temer; Jair Bolsonaro; Jose Sarney; José Sarney; Celso Amorim
ARG: Raul Alfonsin; Raúl Alfonsín; Carlos Menem; Fernando de la Rua; Fernando de la Rúa; Eduardo Duhalde; Nestor Kirchner; Néstor Kirchner; Cristina Fernandez de Kirchner; Cristina Fernández de Kirchner; Cristina Kirchner; Mauricio Macri; Alberto Fernandez; Javier Milei; Guido di Tella
CHL: Augusto Pinochet; Patricio Aylwin; =Eduardo Frei; Ricardo Lagos; Michelle Bachelet; Sebastian Pinera; Sebastián Piñera; Gabriel Boric
BOL: Evo Morales; Gonzalo Sanchez de Lozada; Hugo Banzer; =Carlos Mesa
ECU: Rafael Correa; Lucio Gutierrez; Jamil Mahuad; Abdala Bucaram; Lenin Moreno
NIC: Daniel Ortega; Violeta Chamorro; Arnoldo Aleman; Enrique Bolanos
SLV: Jose Napoleon Duarte; Alfredo Cristiani; Nayib Bukele
GTM: Vinicio Cerezo; Alvaro Arzu
HND: Manuel Zelaya; Juan Orlando Hernandez
PAN: Manuel Noriega; Manuel Antonio Noriega; Omar Torrijos; Martin Torrijos
HTI: Jean-Bertrand Aristide; Rene Preval; René Préval; Raoul Cedras; Raoul Cédras; Michel Martelly; Jovenel Moise; Jovenel Moïse; Jean-Claude Duvalier
PRK: Kim Il-sung; Kim Il Sung; Kim Jong-il; Kim Jong Il; Kim Jong-un; Kim Jong Un; Kim Yong-nam; Kim Yong Nam; Kim Kye-gwan; Ri Yong-ho
KOR: Chun Doo-hwan; Roh Tae-woo; Kim Young-sam; Kim Dae-jung; Roh Moo-hyun; Lee Myung-bak; Park Geun-hye; Moon Jae-in; Yoon Suk-yeol; Han Seung-soo
TWN: Lee Teng-hui; Chen Shui-bian; Ma Ying-jeou; Tsai Ing-wen; Chiang Ching-kuo
VNM: Vo Van Kiet; Do Muoi; Le Kha Phieu; Nong Duc Manh; Nguyen Tan Dung; Phan Van Khai; Nguyen Phu Trong; Nguyen Co Thach; Nguyen Dy Nien
KHM: Hun Sen; Norodom Sihanouk; Prince Norodom Ranariddh; Norodom Ranariddh; Pol Pot; Khieu Samphan; Ieng Sary; =Sam Rainsy; Norodom Sihamoni
THA: Chuan Leekpai; Thaksin Shinawatra; Yingluck Shinawatra; Prayuth Chan-ocha; Prayut Chan-o-cha; Abhisit Vejjajiva; Surin Pitsuwan; Chatichai Choonhavan; Anand Panyarachun; Banharn Silpa-archa; Chavalit Yongchaiyudh; King Bhumibol Adulyadej; Surayud Chulanont
MMR: Aung San Suu Kyi; Than Shwe; Ne Win; Khin Nyunt; Thein Sein; Min Aung Hlaing; Saw Maung; Win Myint
MYS: Mahathir Mohamad; Anwar Ibrahim; Abdullah Ahmad Badawi; Najib Razak; Muhyiddin Yassin; Syed Hamid Albar
IDN: Suharto; Soeharto; B. J. Habibie; Abdurrahman Wahid; Megawati Sukarnoputri; Susilo Bambang Yudhoyono; Joko Widodo; Ali Alatas; Hassan Wirajuda; Marty Natalegawa; Retno Marsudi; Wiranto
PHL: Ferdinand Marcos; Corazon Aquino; Fidel Ramos; Joseph Estrada; Gloria Macapagal Arroyo; Gloria Arroyo; Benigno Aquino; Rodrigo Duterte; Ferdinand Marcos Jr.; Nur Misuari; Raul Manglapus
SGP: Lee Kuan Yew; Goh Chok Tong; Lee Hsien Loong; S. Jayakumar; George Yeo
LKA: Ranasinghe Premadasa; Chandrika Kumaratunga; Mahinda Rajapaksa; Gotabaya Rajapaksa; Ranil Wickremesinghe; Lakshman Kadirgamar; Velupillai Prabhakaran; Maithripala Sirisena; J. R. Jayewardene
BGD: Sheikh Hasina; Khaleda Zia; Hussain Muhammad Ershad; Ziaur Rahman
NPL: Girija Prasad Koirala; Sher Bahadur Deuba; King Gyanendra; Pushpa Kamal Dahal; Prachanda; Madhav Kumar Nepal
MNG: Natsagiin Bagabandi; Nambaryn Enkhbayar
ZAF: Nelson Mandela; F. W. de Klerk; Frederik de Klerk; Thabo Mbeki; Jacob Zuma; Cyril Ramaphosa; P. W. Botha; Pik Botha; Mangosuthu Buthelezi; Alfred Nzo; Nkosazana Dlamini-Zuma; Kgalema Motlanthe; Desmond Tutu
ZWE: Robert Mugabe; Morgan Tsvangirai; Emmerson Mnangagwa; Joshua Nkomo
NGA: Olusegun Obasanjo; Sani Abacha; Ibrahim Babangida; Umaru Yar'Adua; Goodluck Jonathan; Muhammadu Buhari; Abdulsalami Abubakar; Moshood Abiola; Bola Tinubu
KEN: Daniel arap Moi; Daniel Arap Moi; Mwai Kibaki; Uhuru Kenyatta; Raila Odinga; William Ruto; Jomo Kenyatta
UGA: Yoweri Museveni; Idi Amin; Milton Obote; Joseph Kony
TZA: Julius Nyerere; Ali Hassan Mwinyi; Benjamin Mkapa; Jakaya Kikwete; John Magufuli; Samia Suluhu Hassan
RWA: Paul Kagame; Juvenal Habyarimana; Juvénal Habyarimana; Pasteur Bizimungu
BDI: Pierre Buyoya; Melchior Ndadaye; Cyprien Ntaryamira; Sylvestre Ntibantunganya; Domitien Ndayizeye; Pierre Nkurunziza; Evariste Ndayishimiye
COD: Mobutu Sese Seko; Laurent Kabila; Laurent-Desire Kabila; Laurent-Désiré Kabila; Joseph Kabila; Felix Tshisekedi; Félix Tshisekedi; Etienne Tshisekedi; Jean-Pierre Bemba
COG: Denis Sassou Nguesso; Denis Sassou-Nguesso; Pascal Lissouba
AGO: Jose Eduardo dos Santos; José Eduardo dos Santos; Jonas Savimbi; Joao Lourenco; João Lourenço
MOZ: Joaquim Chissano; Samora Machel; Armando Guebuza; Filipe Nyusi; Afonso Dhlakama
ZMB: Kenneth Kaunda; Frederick Chiluba; Levy Mwanawasa; =Rupiah Banda; =Michael Sata; Edgar Lungu; Hakainde Hichilema
MWI: =Hastings Banda; Bakili Muluzi; Bingu wa Mutharika; =Joyce Banda; Peter Mutharika
NAM: Sam Nujoma; Hifikepunye Pohamba; Hage Geingob
BWA: Ketumile Masire; Festus Mogae; Ian Khama
ETH: Mengistu Haile Mariam; Meles Zenawi; Hailemariam Desalegn; Abiy Ahmed; Seyoum Mesfin; Haile Selassie
ERI: Isaias Afwerki; Isaias Afewerki
SOM: Mohamed Siad Barre; Siad Barre; Mohamed Farah Aidid; Ali Mahdi Mohamed; Abdullahi Yusuf Ahmed; Sharif Sheikh Ahmed; Hassan Sheikh Mohamud; Mohamed Abdullahi Farmajo
DJI: Hassan Gouled Aptidon; Ismail Omar Guelleh
CIV: Felix Houphouet-Boigny; Félix Houphouët-Boigny; Henri Konan Bedie; Henri Konan Bédié; Robert Guei; Robert Guéï; Laurent Gbagbo; Alassane Ouattara; Guillaume Soro
GHA: Jerry Rawlings; John Kufuor; John Atta Mills; John Mahama; Nana Akufo-Addo
SEN: Abdou Diouf; Abdoulaye Wade; Macky Sall; Leopold Senghor
LBR: Samuel Doe; =Charles Taylor; Ellen Johnson Sirleaf; Ellen Johnson-Sirleaf; Amos Sawyer; George Weah; =Prince Johnson; Alhaji Kromah; =Roosevelt Johnson
SLE: Ahmad Tejan Kabbah; Foday Sankoh; Johnny Paul Koroma; Valentine Strasser; Ernest Bai Koroma; Sam Hinga Norman
GIN: Lansana Conte; Lansana Conté; Ahmed Sekou Toure; Moussa Dadis Camara; Alpha Conde; Alpha Condé
MLI: Alpha Oumar Konare; Amadou Toumani Toure; Amadou Toumani Touré; Ibrahim Boubacar Keita; Moussa Traore; Assimi Goita
BFA: Blaise Compaore; Blaise Compaoré; Thomas Sankara; Roch Marc Christian Kabore
NER: Mamadou Tandja; Mahamadou Issoufou; Ibrahim Bare Mainassara; Mohamed Bazoum
TCD: Idriss Deby; Idriss Déby; Hissene Habre; Hissène Habré; Goukouni Oueddei; Mahamat Deby
CMR: Paul Biya; Ahmadou Ahidjo
GAB: Omar Bongo; Ali Bongo; Ali Bongo Ondimba
CAF: Ange-Felix Patasse; Ange-Félix Patassé; Francois Bozize; François Bozizé; Jean-Bedel Bokassa; Michel Djotodia; Faustin-Archange Touadera
TGO: Gnassingbe Eyadema; Gnassingbé Eyadéma; Faure Gnassingbe
BEN: Mathieu Kerekou; Mathieu Kérékou; Nicephore Soglo; Thomas Boni Yayi; Patrice Talon
MRT: Maaouya Ould Sid'Ahmed Taya; Mohamed Ould Abdel Aziz
GNB: Joao Bernardo Vieira; João Bernardo Vieira; Kumba Yala
MDG: Didier Ratsiraka; Marc Ravalomanana; Andry Rajoelina
YEM: Ali Abdullah Saleh; Abd Rabbuh Mansur Hadi; Abd-Rabbu Mansour Hadi; Abdul-Malik al-Houthi; Abdulkarim al-Iryani
OMN: Sultan Qaboos; Qaboos bin Said; Yusuf bin Alawi
ARE: Sheikh Zayed bin Sultan al-Nahayan; Zayed bin Sultan Al Nahyan; Sheikh Khalifa bin Zayed; Mohammed bin Zayed; Sheikh Mohammed bin Rashid; Abdullah bin Zayed
QAT: Sheikh Hamad bin Khalifa al-Thani; Hamad bin Khalifa al-Thani; Hamad bin Khalifa Al Thani; Sheikh Tamim bin Hamad al-Thani; Tamim bin Hamad Al Thani; Sheikh Hamad bin Jassim; Hamad bin Jassim bin Jabr al-Thani
KWT: Sheikh Jaber al-Ahmad al-Sabah; Sheikh Sabah al-Ahmad al-Sabah; Sabah al-Ahmad al-Jaber al-Sabah; Sheikh Saad al-Abdullah al-Sabah; Sheikh Nawaf al-Ahmad al-Sabah
BHR: Sheikh Isa bin Salman al-Khalifa; King Hamad bin Isa al-Khalifa; Hamad bin Isa Al Khalifa
KHM: Hor Namhong
LAO: Kaysone Phomvihane; Khamtay Siphandone
FJI: Sitiveni Rabuka; Mahendra Chaudhry; Frank Bainimarama; George Speight
PNG: Michael Somare; =Julius Chan; =Bill Skate
SYR: Mustafa Tlass
IRQ: Ali Hassan al-Majid; Muqtada al-Sadr; Ayatollah Ali al-Sistani; Masoud Barzani; Massoud Barzani; Nechirvan Barzani
IRN: Ayatollah Montazeri; Hossein Ali Montazeri
TUR: Abdullah Ocalan; Abdullah Öcalan
IGO: Kofi Annan; Boutros Boutros-Ghali; Javier Perez de Cuellar; Javier Pérez de Cuéllar; Ban Ki-moon; Antonio Guterres; António Guterres; Kurt Waldheim; Mohamed ElBaradei; =Hans Blix; Yukiya Amano; Rafael Grossi; Jacques Delors; Jacques Santer; Romano Prodi; Jose Manuel Barroso; José Manuel Barroso; Jean-Claude Juncker; Ursula von der Leyen; Javier Solana; Catherine Ashton; Federica Mogherini; Josep Borrell; Manfred Woerner; Manfred Wörner; Willy Claes; =George Robertson; Jaap de Hoop Scheffer; Anders Fogh Rasmussen; Jens Stoltenberg; Sadako Ogata; Ruud Lubbers; =Mary Robinson; Navi Pillay; Carla Del Ponte; Louise Arbour; Lakhdar Brahimi; Staffan de Mistura; Amr Moussa; Nabil Elaraby; Salim Ahmed Salim; Alpha Oumar Konare; Jean Ping; Nkosazana Dlamini-Zuma; Michel Camdessus; Horst Koehler; Christine Lagarde; Dominique Strauss-Kahn; James Wolfensohn; Paul Wolfowitz; Robert Zoellick; Tedros Adhanom Ghebreyesus; =Margaret Chan
`

// leaderIndex builds the gazetteer of leaderList. A name listed for two
// countries (e.g. a national leader who later headed an IGO) keeps its
// first country only for the full name and no surname entry.
func leaderIndex() *Gazetteer {
	g := &Gazetteer{full: map[string]gazEntry{}, surname: map[string]gazEntry{}}
	surBad := map[string]bool{}
	fullOnlyCC := map[string][]string{}
	for _, ln := range strings.Split(leaderList, "\n") {
		cc, names, ok := strings.Cut(ln, ":")
		if !ok {
			continue
		}
		cc = strings.TrimSpace(cc)
		role := "GOV"
		if cc == "IGO" {
			role = "IGO"
		}
		for _, n := range strings.Split(names, ";") {
			n = strings.TrimSpace(n)
			fullOnly := strings.HasPrefix(n, "=")
			n = strings.TrimPrefix(n, "=")
			if n == "" {
				continue
			}
			k := gazKey(n)
			if _, seen := g.full[k]; !seen {
				g.full[k] = gazEntry{country: cc, role: role}
			}
			f := strings.Fields(k)
			if len(f) < 2 {
				continue
			}
			s := f[len(f)-1]
			if e, seen := g.surname[s]; seen && e.country != cc {
				surBad[s] = true
			}
			if fullOnly {
				// a full-only name still makes its surname ambiguous
				fullOnlyCC[s] = append(fullOnlyCC[s], cc)
				continue
			}
			if _, seen := g.surname[s]; !seen {
				g.surname[s] = gazEntry{country: cc, role: role}
			}
		}
	}
	for s, ccs := range fullOnlyCC {
		for _, cc := range ccs {
			if e, ok := g.surname[s]; ok && e.country != cc {
				surBad[s] = true
			}
		}
	}
	// a surname that is also a listed given name ("Hassan" in Hassan
	// Rouhani, "Ali" in Ali Khamenei, "Omar" in Omar al-Bashir) is not
	// indexed alone
	for k := range g.full {
		f := strings.Fields(k)
		for len(f) > 1 && leaderTitles[f[0]] {
			f = f[1:]
		}
		if len(f) > 1 {
			surBad[f[0]] = true
		}
	}
	for s := range surBad {
		delete(g.surname, s)
	}
	// titled names ("King Hussein", "Sheikh Hamad ...") are also known
	// without their title, when every titled bearer acts for one country
	// ("King Abdullah" of Jordan and of Saudi Arabia: neither). (This loop
	// used to add to g.full while ranging over it, so which bearer won
	// changed from run to run.)
	untitled := map[string]gazEntry{}
	ambiguous := map[string]bool{}
	for k, e := range g.full {
		f := strings.Fields(k)
		if len(f) > 1 && leaderTitles[f[0]] {
			u := strings.Join(f[1:], " ")
			if _, seen := g.full[u]; seen {
				continue
			}
			if o, seen := untitled[u]; seen && o.country != e.country {
				ambiguous[u] = true
			}
			untitled[u] = e
		}
	}
	for u, e := range untitled {
		if !ambiguous[u] {
			g.full[u] = e
		}
	}
	return g
}

var leaderTitles = map[string]bool{"king": true, "queen": true, "sheikh": true, "prince": true, "crown": true, "sultan": true, "emperor": true, "ayatollah": true, "mullah": true}
