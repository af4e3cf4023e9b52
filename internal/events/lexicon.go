package events

import "strings"

// The trigger lexicon, written here. Each line:
//
//	TYPE mode cameo : pattern ; pattern ; ...
//
// A pattern is a verb lemma followed by optional further words that must
// follow it within a few tokens ("call on", "give ~aid"); "n:" starts a
// nominal trigger (a noun or noun compound: "n:air strike"). Alternatives in
// one slot are joined by "|". A slot starting with "~" may appear anywhere in
// the next four tokens. The more slots a pattern has, the more specific it
// is: the most specific match at a position wins.
//
// PETRARCH-2's CAMEO.2.0.txt verb dictionary was read as a guide to what
// matters; nothing was copied from it.
const triggerLexicon = `
AGREE - 030 : agree ; agree to ; agree on ; accept ; accept ~proposal|plan|offer|deal|ceasefire|mediation|invitation ; promise ; pledge ; offer to ; be willing ; be ready ; be prepared ; commit ~to ; accede
SUPPORT - 057 : sign ~agreement|accord|treaty|deal|pact|memorandum|protocol
AGREE - 030 : n:agreement ; n:accord ; n:deal ; n:pact
CONSULT meeting 040 : meet ; meet with ; hold ~talks|discussions|meeting|meetings|consultations|negotiations ; n:talks ; n:discussion ; n:negotiations ; negotiate ; discuss ; confer ; consult
CONSULT phone 041 : call ; phone ; telephone ; call ~by phone ; speak ~by phone|telephone
CONSULT visit 042 : visit ; n:visit ; travel to ; arrive in
CONSULT host 043 : host ; receive ~delegation|visit|envoy|minister|president
CONSULT mediate 045 : mediate ; n:mediation ; launch ~mediation
SUPPORT - 051 : praise ; welcome ; hail ; commend ; applaud ; endorse ; back ; support ; defend ; thank ; congratulate ; apologize ; apologise ; forgive ; n:support ; rally ~behind|support ; upgrade ~ties|relations ; restore ~ties|relations ; establish ~ties|relations
COOPERATE - 060 : cooperate ; collaborate ; share ~information|intelligence|evidence|expertise|data ; n:cooperation ; n:war games ; n:war game ; n:joint exercise ; n:joint exercises ; n:joint military exercise ; n:joint military exercises ; n:joint drills ; ally
AID economic 071 : donate ; fund ; finance ; lend ; loan ; give ~aid|assistance|grant|loan|money|dollars|million|billion ; provide ~aid|assistance|food|support|funds|loan ; send ~aid|arms|weapons|food|supplies|medicine ; deliver ~aid|food|supplies ; hand over ~medicine|aid|food ; n:aid ; n:assistance ; n:donation
AID asylum 075 : accept ~refugees|migrants|asylum-seekers ; take in ~refugees|migrants ; grant ~asylum ; n:asylum
AID humanitarian 073 : evacuate ~wounded|refugees|civilians|injured ; grant ~asylum|refuge ; n:humanitarian aid ; n:food aid ; n:relief
CONCEDE - 080 : concede ; lift ; ease ; relax ; cancel ; call off ; pardon ; n:amnesty ; n:concession ; yield ; compromise ; allow ; put aside ~differences
RETREAT release 0841 : release ; free ; let free ; set free ; n:prisoner release ; n:release ; hand back ; return ~prisoners|hostages|detainees|property|artifacts|weapons
RETREAT ceasefire 0871 : n:ceasefire ; n:cease-fire ; n:truce ; declare ~ceasefire|truce|cease-fire ; announce ~ceasefire|cease-fire|truce ; n:cessation of hostilities
RETREAT ease 085 : remove ~sanctions|embargo|restrictions|blockade ; lift ~sanctions|embargo|blockade|siege ; ease ~sanctions|embargo|blockade|siege ; n:lifting of sanctions
RETREAT access 086 : allow ~access|inspectors|observers|peacekeepers|aid|delivery|monitors ; receive ~observers|inspectors|monitors|peacekeepers|mission
RETREAT - 087 : withdraw ; pull out ; pull back ; retreat ; surrender ; n:withdrawal ; n:retreat ; resign ; step down ; quit ; demobilize ; disarm ; n:pullout ; evacuate ~settlements|troops|positions|town ; lay down ~arms|weapons ; back down
REQUEST - 100 : order ~to ; demand ; n:demand ; press ; pressure ; insist
REQUEST appeal 020 : call for ; call on ; urge ; appeal ; ask ; request ; n:request ; n:appeal ; plead ; seek ; petition ; n:call
ACCUSE disapprove 111 : criticize ; criticise ; condemn ; denounce ; deplore ; blame ; n:criticism ; n:condemnation ; slam ; lash out ; attack ~verbally ; decry ; rebuke ; protest ~against ; lodge ~protest|complaint ; complain ; summon ; n:complaint
ACCUSE allege 112 : accuse ; allege ; charge ; n:accusation ; n:allegation ; n:accusations ; sue ; n:lawsuit
ACCUSE investigate 090 : investigate ; probe ; inspect ; n:investigation ; n:inquiry ; n:probe ; dispatch ~inspectors|investigators ; open ~investigation|investigations|inquiry|probe
REJECT - 120 : reject ; refuse ; decline ; deny ; dismiss ; rebuff ; oppose ; veto ; renege ; spurn ; n:rejection ; n:veto ; fail to ; rule out ; turn down ; resist ; defy
THREATEN - 130 : threaten ; warn ; n:threat ; n:ultimatum ; vow ; swear ; n:warning ; menace
PROTEST demonstrate 141 : protest ; demonstrate ; rally ; march ; n:protest ; n:protests ; n:demonstration ; n:demonstrations ; n:rally ; n:rallies ; n:march ; picket ; n:sit-in
PROTEST strike 143 : strike ~work|demanding ; go on strike ; n:hunger strike ; n:general strike ; stop work ; walk out ; n:walkout
PROTEST riot 145 : riot ; n:riot ; n:riots ; n:unrest ; n:clashes with police
PROTEST obstruct 144 : block ~road|roads|roadway|highway|traffic|access|transport|bridge|crossing|railway|street|streets|entrance|port ; blockade ~road|roads ; n:roadblock ; n:roadblocks
MOBILIZE troops 150 : mobilize ~troops|forces|army|armies|reservists|reserves|soldiers|police|militia|militias|units|men|fighters|military|navy|brigades|divisions|tanks ; mobilise ~troops|forces|army|reservists|reserves|soldiers|police|militia|units|men|fighters|military ; deploy ; n:deployment ; mass ~troops|forces ; reinforce ; strengthen ~forces|troops ; put ~on alert ; remain ~on alert ; n:mobilization ; n:build-up ; n:buildup ; station ; train ~fighters|hackers|troops|militants
SANCTION - 160 : sanction ; n:sanctions ; n:embargo ; impose ~sanctions|embargo|ban|restrictions|tariffs ; suspend ; sever ; cut ~ties|aid|relations ; break off ; expel ; recall ~ambassador|envoy ; freeze ; halt ~aid|talks|cooperation ; end ~mediation|aid|cooperation ; deny ~entry|visa|visas ; boycott ~talks|elections|meeting
COERCE arrest 173 : arrest ; detain ; n:arrest ; n:arrests ; jail ; imprison ; round up ; capture ~suspects|activists|leader|opposition ; n:detention
COERCE restrict 172 : ban ; outlaw ; prohibit ; n:ban ; n:curfew ; impose ~curfew|restrictions ; prevent ; restrict ; blockade ; n:blockade ; close ~border|borders ; n:state of emergency ; declare ~state of siege ; declare ~state of emergency ; declare ~martial law ; censor ; deface
SANCTION - 160 : reduce ~aid|assistance|funding ; n:aid cuts ; expel ~diplomats|diplomat|ambassador|envoy|envoys ; prohibit ~aid|trade|imports|exports|flights ; n:travel ban
COERCE - 170 : force ~to ; force ~out ; compel ~to ; coerce ; extend ~curfew|ban|detention ; extend ~state of emergency
AID economic 071 : mobilize ~funds|resources|aid|support|assistance|money ; mobilise ~funds|resources|aid|support|assistance|money
RETREAT - 087 : cease ~operations|fire|fighting|hostilities|attacks|offensive ; halt ~offensive|attacks|operations|fighting
COERCE seize 174 : seize ; confiscate ; occupy ; n:occupation ; deport ; n:deportation ; expel ~refugees|migrants|workers
COERCE destroy 175 : set fire ; burn ; torch ; demolish ; destroy ~homes|houses|offices|property|crops ; raze ; n:arson
COERCE repress 175 : crack down ; n:crackdown ; suppress ; disperse
AGREE - 030 : concur ; consent ; ratify ; reach ~agreement|accord|deal|settlement|compromise ; conclude ~agreement|accord|deal|treaty ; settle ~dispute|differences ; resolve ~dispute|differences ; express ~willingness|readiness|intention ; be committed ; offer ~aid|help|assistance|talks|mediation|support ; propose ~talks|meeting|ceasefire|plan ; n:commitment ; n:pledge ; n:promise
CONSULT meeting 040 : talk ~with|to ; convene ; n:meeting ; n:consultations ; sit down ~with ; resume ~talks|negotiations ; return ~to talks ; n:summit talks
CONSULT visit 042 : fly ~to ; tour ; arrive ~for talks|visit ; pay ~visit
SUPPORT - 051 : express ~support|solidarity|sympathy ; voice ~support ; laud ; acclaim ; salute ; recognize ~government|independence|state ; side ~with ; stand by ; n:praise ; n:endorsement ; reassure
COOPERATE - 060 : work ~together|with ; partner ; exchange ~information|intelligence ; extradite ; hand over ~suspect|suspects|fugitive ; n:joint patrol ; n:joint patrols ; coordinate
AID economic 071 : supply ; ship ~aid|food|supplies|arms|weapons ; airlift ; contribute ; grant ~aid|loan|credit|money ; n:loan ; n:grant ; n:credit
AID humanitarian 073 : rescue ; n:relief supplies ; shelter ; feed
CONCEDE - 080 : end ~strike|protest|boycott|sit-in|blockade ; let go ; open ~border|borders|crossing|bridge|airport|port ; grant ~amnesty|autonomy|independence|concessions|pardon ; reopen ; legalize ; legalise ; return ~territory|land ; accept ~demands|demand ; give in ; acquit ; reinstate ; unblock ; lift ~ban|curfew|restrictions ; exchange ~prisoners ; approve ; n:concessions
RETREAT - 087 : hand over ~power|control|town|weapons|arms|guns ; cede ; abandon ~positions|post|bases|town ; disband ; relinquish ; evacuate ; n:evacuation ; leave ~country|town|territory
REQUEST - 100 : push ~for ; n:demands
REQUEST appeal 020 : beg ; implore ; exhort ; lobby ; n:plea ; n:petition ; invite ; n:invitation ; n:call for
ACCUSE disapprove 111 : reprimand ; censure ; scold ; n:criticisms ; warn ~against ; protest ~to ; lodge ~protest ; n:protest note ; indict ; convict ; find ~guilty ; n:indictment ; prosecute ; n:verdict ; question ~legitimacy ; deride ; ridicule ; mock
ACCUSE investigate 090 : inquire ; examine ; n:inspection ; n:inquest
REJECT defy 128 : violate ~ban|agreement|agreements|sanctions|embargo|resolution|law|accord|treaty|rules
REJECT - 120 : refute ; rebut ; dispute ; contest ; balk ; disagree ; object ~to ; n:objection ; n:refusal ; snub ; shun ; repudiate ; disown ; overrule ; n:opposition to ; walk out ~of ; pull out ~talks|negotiations|conference|summit ; abandon ~talks|negotiations|plan
THREATEN - 130 : intimidate ; issue ~ultimatum|threat|warning ; give ~ultimatum ; n:threats ; vow ~revenge|retaliation ; n:ultimatums
PROTEST demonstrate 141 : take ~to the streets ; stage ~protest|demonstration|rally|sit-in|march ; gather ~to protest ; n:protesters ; n:demonstrators
PROTEST boycott 143 : boycott ; n:boycott
PROTEST strike 143 : stage ~walkout|hunger ; call ~general strike ; n:strikers ; n:strike
MOBILIZE troops 150 : send ~troops|forces|warships|soldiers|reinforcements|tanks ; dispatch ~troops|forces|warships|soldiers|reinforcements ; move ~troops|tanks|forces ; patrol ; step up ~security|patrols ; go ~on alert ; n:alert ; n:reinforcements ; n:troop buildup ; n:military exercises ; conduct ~exercises|maneuvers|manoeuvres ; n:maneuvers ; n:manoeuvres ; rearm ; arm
SANCTION - 160 : downgrade ~ties|relations ; close ~embassy|consulate ; ban ~imports|exports|trade|flights ; withdraw ~ambassador|envoy|recognition ; cancel ~visit|talks|meeting|agreement|contract ; postpone ~talks|visit|meeting ; n:suspension ; n:expulsion ; blacklist ; n:sanction
COERCE arrest 173 : n:detentions ; sentence ; n:crackdown on ; apprehend ; abduct ~activists ; n:curbs ; hold ~prisoners|detainees ; n:house arrest
COERCE restrict 172 : besiege ; n:siege ; n:martial law ; clamp down ; shut ~down ; close ~down|newspaper|newspapers|schools|university|office|offices ; curb ; n:restrictions ; expel ~journalists ; evict
COERCE seize 174 : nationalize ; expropriate ; annex ; n:annexation ; seize ~land|property|assets|control|power ; take ~control|power ; n:coup
COERCE repress 175 : fire ~tear gas ; fire ~teargas ; fire ~water cannon ; use ~tear gas ; use ~teargas ; use ~force ; n:tear gas ; n:teargas ; n:water cannon ; repress ; n:repression
ASSAULT - 190 : storm ; overrun ; pound ; n:bloodshed ; n:combat ; n:hostilities ; n:skirmish ; n:skirmishes ; n:insurgency ; execute ; n:execution ; n:executions ; rape ; n:rape ; murder ; n:murder ; slay ; lob ~grenade|grenades|shells ; hurl ~grenade|grenades|stones|rocks|bombs ; throw ~grenade|grenades|stones|rocks ; n:siege of ; n:counteroffensive ; n:onslaught ; n:incursions ; n:infiltration ; retaliate ; n:reprisal ; n:reprisals ; n:retaliation
ASSAULT firearms 193 : fire ~across ; n:gunbattles ; n:shootout ; n:sniper fire ; fire ~on|at ; gun ; machine-gun
ASSAULT heavy-weapons 194 : n:tank fire ; n:missile attack ; n:missiles ; n:shells ; n:barrage
AID peacekeeping 074 : deploy ~peacekeepers|observers|monitors|peacekeeping ; n:peacekeeping mission ; n:peacekeeping force
AID military 072 : give ~weapons|arms|firearms|equipment|ammunition|vehicles|aircraft|helicopters ; provide ~weapons|arms|firearms|equipment|ammunition|vehicles|aircraft|training ; deliver ~weapons|arms|equipment|ammunition ; n:military aid ; n:arms deliveries ; send ~weapons|arms|equipment|ammunition|vehicles ; train ~forces|soldiers|troops|police
AID economic 071 : provide ; hand over ; provide ~million|billion|funding|support|assistance|aid|money ; send ~team|experts|doctors|drugs|equipment|supplies ; give ~medical|equipment|supplies|drugs|medicine ; distribute ~supplies|food|aid|tents|medicine ; n:donor ; n:donations ; allocate ~funds|million|billion
AGREE economic 0331 : pledge ~million|billion|aid|assistance|funds|money
RETREAT ease 085 : roll back ~tariffs|sanctions|restrictions ; reduce ~tariffs|sanctions|restrictions ; cut ~tariffs ; lower ~tariffs ; ease ~tariffs|restrictions
THREATEN - 130 : set ~deadline ; give ~deadline|ultimatum|warning ; n:deadline
ASSAULT - 190 : n:military operation ; n:military operations ; n:military offensive ; destroy ~camps|positions|bases|hideouts|tanks|bunkers ; n:operation against ; n:crossfire
ASSAULT - 190 : attack ; n:attack ; n:attacks ; assault ; n:assault ; strike ~at|against|target|targets|positions|bases|camps|areas|convoy|depot|facility|facilities|building|hospital|school|village|town|city ; hit ~targets|positions|territory ; raid ; n:raid ; n:raids ; ambush ; n:ambush ; invade ; n:invasion ; n:incursion ; n:offensive ; launch ~offensive|attack|attacks ; fight ; n:fighting ; clash ; n:clashes ; n:battle ; battle ; engage ~in fighting ; kill ; n:killing ; n:killings ; massacre ; n:massacre ; slaughter ; wound ; injure ; hunt down ; take down ; bring down ; n:downing ; target ; n:war ; wage ~war ; n:violence ; n:act of terror ; n:terror attack ; n:terrorist attack ; n:militant attacks ; n:ethnic cleansing ; engage ~in ethnic cleansing ; violate ~ceasefire|truce ; n:ceasefire violation ; capture ~stronghold|town|city|village|base|territory|mosque|airport|district|area|hill|checkpoint|positions|province|bases|villages|towns
ASSAULT aerial 195 : n:air strike ; n:air strikes ; n:airstrike ; n:airstrikes ; n:air raid ; n:air raids ; n:air attack ; n:air attacks ; bomb ~targets|positions|stronghold ; n:bombing raid ; n:bombing campaign ; n:strikes ; shoot down ; n:drone strike ; n:drone strikes ; n:bombardment ; bombard
ASSAULT bombing 183 : bomb ; n:bomb ; n:bombing ; n:bombings ; blow up ; n:blast ; n:explosion ; n:car bomb ; n:roadside bomb ; n:roadside bombing ; bring down ~bomb ; explode ; detonate ; n:ied ; n:grenade attack
ASSAULT suicide-attack 1831 : n:suicide bombing ; n:suicide bombings ; n:suicide attack ; n:suicide bomber ; n:suicide attacks
ASSAULT firearms 193 : shoot ; open fire ; n:gunfire ; n:shooting ; n:gunbattle ; n:gun battle ; n:firefight ; gun down ; n:gunmen
ASSAULT heavy-weapons 194 : shell ; n:shelling ; n:artillery ; n:rocket attack ; n:rockets ; n:mortar ; n:mortars ; fire ~rockets|missiles|mortars|shells|artillery ; launch ~artillery|rockets|missiles|mortar
ASSAULT abduct 181 : kidnap ; abduct ; hijack ; n:kidnapping ; n:abduction ; n:hijacking ; take ~hostage|hostages|captive ; hold ~hostage|hostages|captive
ASSAULT torture 182 : torture ; n:torture
ASSAULT cyber 190 : n:cyber-attack ; n:cyber-attacks ; n:cyber attack ; n:cyber attacks ; n:cyberattack ; n:cyberattacks ; n:cyber warfare ; hack ; n:hacking
COERCE - 184 : n:human shields ; n:human shield ; hold ~human shields|human shield
ASSAULT beat 182 : beat ; beat up ; n:beating ; stab ; lynch ; n:stabbing
ASSAULT assassinate 186 : assassinate ; n:assassination ; n:assassination attempt
SANCTION aid 162 : n:suspension of aid ; n:suspension of military aid ; n:suspension of foreign aid ; n:aid suspension ; n:aid freeze ; n:freeze on aid ; n:cut in aid ; n:cuts in aid
ASSAULT - 190 : behead ; n:beheading ; decapitate
COERCE seize 174 : loot ; n:looting ; plunder ; ransack ; pillage
COERCE destroy 175 : vandalize ; vandalise ; sabotage ; n:sabotage ; bulldoze
COERCE restrict 172 : seal off ; cordon off
ACCUSE disapprove 111 : castigate ; chastise ; lambast ; lambaste ; berate ; excoriate ; assail
ACCUSE allege 112 : implicate
COERCE arrest 173 : nab ; incarcerate
ASSAULT firearms 193 : n:gunfight ; n:gunfights
ASSAULT - 190 : skirmish
PROTEST demonstrate 141 : take to ~streets|street
CONSULT phone 041 : n:phone call ; n:telephone call ; n:phone conversation ; n:telephone conversation ; n:phone talks ; n:telephone talks
CONSULT visit 042 : n:state visit ; n:official visit ; n:working visit
ACCUSE disapprove 111 : denigrate ; belittle ; impugn ; malign ; slander ; admonish ; chide ; reproach ; disparage ; brand ~terrorist|terrorists|criminal|criminals|traitor|traitors ; n:rebuke ; n:reprimand ; n:censure ; n:denunciation ; n:condemnations
ACCUSE investigate 090 : scrutinize ; scrutinise ; audit ; n:investigations ; n:probes ; n:inquiries ; n:fact-finding mission
REJECT - 120 : shelve ~plan|proposal|talks|project ; n:rejections
REJECT defy 128 : breach ~agreement|accord|treaty|sanctions|embargo|resolution|law|rules
CONCEDE - 080 : waive ; comply ; acquiesce ; exonerate ; absolve ; n:pardon
RETREAT - 087 : capitulate ; n:surrender ; n:capitulation
COERCE repress 175 : quell ; subdue ; crush ~protest|protests|rebellion|uprising|revolt|dissent|demonstration|demonstrations|opposition
COERCE seize 174 : banish ; exile ; commandeer ; usurp ; wrest ~control|power
COERCE restrict 172 : interdict ; proscribe ; criminalize ; criminalise ; n:crackdowns
COERCE arrest 173 : rearrest ; re-arrest ; n:roundup
ASSAULT - 190 : annihilate ; decimate ; ravage ; butcher ; rampage ; terrorize ; terrorise ; n:massacres ; n:ambushes
ASSAULT beat 182 : pelt ; bludgeon ; slap ; strangle ; mistreat ; n:mistreatment ; stone
ASSAULT firearms 193 : snipe ; n:sniper attack
ASSAULT bombing 183 : dynamite ; n:bomb attack ; n:bomb attacks
ASSAULT heavy-weapons 194 : n:mortar fire ; n:artillery fire ; n:rocket fire ; n:cannon fire
CONSULT mediate 045 : broker ~deal|ceasefire|truce|talks|agreement|accord|peace
CONSULT meeting 040 : attend ~talks|summit|meeting|negotiations ; join ~talks|negotiations ; n:summit ; n:peace talks ; n:negotiation
REQUEST - 100 : campaign ~for ; clamor ~for ; clamour ~for
REQUEST appeal 020 : entreat
MOBILIZE troops 150 : muster ~troops|forces|fighters|men
SANCTION - 160 : rescind ~agreement|invitation|accreditation|visa|visas
COOPERATE economic 061 : invest ~in
SUPPORT - 051 : compliment ; pay ~tribute ; n:congratulations
SANCTION - 161 : break ~relations|ties ; n:break in relations ; n:severance
SANCTION aid 162 : withhold ~aid|funds|funding|payments|assistance|loans ; stop ~aid|funding|assistance ; cut off ~aid|funding|assistance|loans
SANCTION - 160 : stop ~cooperation|imports|exports|trade ; terminate ~agreement|treaty|contract|cooperation|accord|pact ; revoke ~visa|visas|license|licence|licenses|accreditation|citizenship|agreement|permit|permits ; declare ~persona non grata ; cut off ~ties|relations|contacts|talks
SANCTION talks 164 : call off ~talks|visit|meeting|negotiations|summit ; halt ~negotiations|dialogue ; break off ~talks|negotiations|dialogue
NONE - 011 : decline ~comment ; refuse ~comment
NONE - 016 : deny ~charges|charge|accusation|accusations|allegation|allegations|involvement|responsibility|wrongdoing ; reject ~accusation|accusations|allegation|allegations|charges|claims ; deny ~claims|reports
NONE - 010 : n:press release ; n:news release ; n:press releases
REQUEST appeal 020 : push for ; lobby for
RETREAT release 0841 : return ~painting|paintings|artifact|artifacts|artefacts|antiquities|fossils|manuscript|sculpture|relics|remains|bodies|skulls
AID peacekeeping 074 : participate ~peacekeeping ; n:peacekeeping operation ; n:peacekeeping operations ; n:peacekeeping missions
ACCUSE allege 112 : launch ~legal action ; launch ~lawsuit ; file ~lawsuit|suit|complaint|charges ; n:legal action ; indict ; n:indictment
REQUEST - 100 : call for ~sanctions|boycott|resignation|ouster
THREATEN - 130 : give ~warning|warnings
COERCE arrest 173 : capture ; n:capture
ASSAULT - 190 : recapture ; retake ; liberate ; overrun
AGREE - 030 : volunteer ~to ; assure ; guarantee ~to|that ; iron out ~differences|dispute|disagreements ; straighten out ~differences|dispute ; n:intention to
CONCEDE - 083 : accede ~to demands|demand|requests|request|pressure ; give in ~to ; bow ~to pressure|demands|demand ; meet ~demands|demand ; yield ~to pressure|demands|demand ; succumb ~to pressure|demands
CONCEDE - 080 : give up ~claim|claims|demand|demands|sovereignty ; renounce ; relent ; obey ; abide by ; permit ; decriminalize ; decriminalise ; vindicate ; exculpate
RETREAT - 087 : de-escalate ; n:de-escalation ; disengage ; draw back ; n:disengagement ; n:disarmament ; n:demobilization ; n:demobilisation
RETREAT release 0841 : repatriate ~prisoners|refugees|detainees|remains|hostages|captives|soldiers|pows ; n:repatriation ; emancipate ; n:prisoner exchange ; n:prisoner swap ; swap ~prisoners|hostages|captives
RETREAT access 086 : allow ~involvement|intervention|delivery|deliveries|entry|visit|visits|investigators|experts|team ; admit ~inspectors|observers|monitors|peacekeepers|investigators
ACCUSE disapprove 111 : disapprove ; n:disapproval ; scorn ; pillory ; lecture ; remonstrate ; caution ~against ; rally ~opposition|support against ; n:denunciations
ACCUSE investigate 090 : look into ; n:autopsy
REJECT defy 128 : flout ; ignore ~warning|warnings|calls|call|appeal|appeals|demands|demand|ultimatum|resolution|resolutions|ruling|order|orders|deadline|ban ; disregard ~warning|warnings|calls|call|appeal|appeals|demands|demand|ultimatum|resolution|resolutions|ruling|order|orders ; defy ~order|orders|ban|ruling|resolution|curfew|warning|warnings|ultimatum|calls|law ; n:defiance
REJECT - 120 : block ~resolution|bill|proposal|measure|plan|deal|vote|nomination|appointment|motion ; n:boycott of talks
THREATEN - 130 : caution
MOBILIZE troops 150 : demonstrate ~military|strength|force|power|might ; n:show of force ; n:show of strength ; parade ~missiles|weapons|troops|tanks|weaponry ; call up ~reservists|reserves|troops|soldiers|conscripts ; marshal ~troops|forces|fighters ; redeploy ; fortify ; beef up ~security|forces|troops|presence|defences|defenses ; build up ~forces|troops|presence ; n:military buildup ; raise ~alert|readiness ; increase ~alert|readiness ; heighten ~alert|readiness ; n:high alert ; n:alert status ; n:combat readiness ; n:state of alert
COERCE seize 174 : steal ; intercept ~ship|ships|vessel|vessels|boat|boats|convoy|shipment|shipments|cargo|tanker ; expel ~people|foreigners|nationals|citizens|residents|families|activists|journalists|journalist|correspondent|correspondents|reporter|reporters|individuals|immigrants|workers|aliens|missionaries|missionary|priests|priest|nuns|students|dissident|dissidents
COERCE - 170 : blackmail
SANCTION - 160 : annul ~agreement|treaty|accord|contract|deal|pact ; scrap ~agreement|treaty|accord|contract|deal|pact|visit|talks|plan|cooperation ; downgrade ; n:downgrading
SANCTION aid 162 : slash ~aid|assistance|funding|funds ; n:aid cut
SANCTION - 161 : reduce ~relations|ties|contacts|representation ; n:diplomatic relations severed
SUPPORT - 054 : grant ~recognition ; extend ~recognition ; accord ~recognition ; n:diplomatic recognition
SUPPORT - 051 : extol ; honor ; honour ; encourage ; appreciate ; n:apology ; n:apologies
SUPPORT - 052 : defend ~verbally|decision|policy|record|position|stance|right
CONSULT meeting 040 : converse ; reconvene ; n:consultation ; hold ~consultations|dialogue ; n:dialogue
AID military 072 : equip ; n:arms sales ; n:arms shipment ; n:arms shipments ; n:military assistance
AID economic 071 : bankroll ; underwrite
PROTEST demonstrate 141 : chant ~slogans ; obstruct ~passage|traffic|road|roads|access|entrance|highway ; immolate ; n:self-immolation
PROTEST obstruct 144 : barricade ~road|roads|street|streets|highway|entrance|bridge
PROTEST riot 145 : n:violent protest ; n:violent protests ; n:violent demonstrations
ASSAULT - 190 : wipe out ; repel ~attack|attacks|offensive|assault|invasion|incursion ; repulse ~attack|attacks|offensive|assault ; use ~military force ; use ~armed force ; use ~conventional force ; n:military force ; n:mass expulsion ; n:mass expulsions ; n:mass killing ; n:mass killings ; n:mass murder
ASSAULT - 204 : use ~chemical|biological|nuclear|radiological weapons|arms|agents ; use ~poison gas ; use ~nerve gas|agent ; use ~weapons of mass destruction ; employ ~chemical|biological|nuclear|weapons ; n:chemical attack ; n:gas attack ; n:chemical weapons attack ; n:nuclear attack
ASSAULT aerial 195 : employ ~aerial|aircraft|warplanes|drones|helicopters ; use ~warplanes|drones|gunships|aerial
AID economic 071 : extend ~aid|credit|credits|loan|loans|assistance|help|grant|grants ; write off ~debt|debts|loans ; forgive ~debt|debts ; cancel ~debt|debts ; award ~million|billion|grant|grants
AID humanitarian 073 : fly ~aid|supplies|food|medicine|medicines|relief ; deliver ~medicine|medicines|water|tents|blankets|gift|gifts ; erect ~shelters|tents ; help ~refugees|victims|survivors|homeless|patients|wounded
AID peacekeeping 074 : join ~peacekeeping|peacekeepers ; join ~peace mission ; contribute ~troops|peacekeepers|soldiers|battalion
ASSAULT firearms 193 : fire ~bullets|shots|rounds|grenade|grenades ; exchange ~fire|gunfire|shots ; trade ~fire|gunfire|shots ; return ~fire
ASSAULT - 190 : launch ~counterattack|counter-attack|counteroffensive|counter-offensive|incursion|invasion|raid|raids|assault|intervention ; n:counterattack ; n:counter-attack ; n:counter-offensive ; n:military campaign ; n:military intervention ; n:atrocities ; n:atrocity ; commit ~atrocities|atrocity|massacre|massacres ; wage ~offensive|campaign|attacks
ASSAULT - 190 : throw ~firebomb|firebombs|acid|molotov|petrol ; hurl ~firebomb|firebombs|acid|molotov|petrol
ASSAULT bombing 183 : plant ~bomb|bombs|explosives|explosive|mine|mines|device
ASSAULT aerial 195 : drop ~bomb|bombs|explosives|barrel
ASSAULT - 196 : breach ~ceasefire|truce|cease-fire
COERCE destroy 175 : destroy ~buildings|building|house|home|monument|monuments|shops|mosque|mosques|church|churches|villages|village|school|schools|vehicles ; set ~ablaze|alight|afire
COERCE restrict 172 : close ~station|radio|television|tv|website|websites|road|roads|route|shops|mosques|churches|markets ; block ~convoy|convoys|movement|movements|transmission|transmissions|website|websites|broadcasts ; impose ~fine|fines|penalty|penalties|censorship ; declare ~curfew ; order ~curfew ; halt ~publication|broadcasts|broadcast
COERCE arrest 173 : take ~into custody|detention ; place ~under arrest|surveillance|detention ; place ~under house arrest ; put ~under arrest ; put ~under house arrest ; pass ~sentence
COERCE seize 174 : take over ~town|city|village|base|territory|building|embassy|airport|radio|station|parliament ; intercept ~immigrants|migrants|refugees
CONCEDE - 081 : drop ~charges|case|objection|objections|demand|demands ; grant ~permission|clemency|bail|rights|concession ; commute ~sentence|sentences ; reduce ~sentence|sentences ; overturn ~conviction|sentence ; quash ~conviction|sentence ; revoke ~ban|restriction|restrictions|decree ; reverse ~decision|ban|policy ; clear ~of charges
RETREAT - 087 : reduce ~troops|forces|troop|presence|garrison ; stop ~fighting|hostilities|attacks|violence|bloodshed|clashes ; end ~fighting|hostilities|attacks|violence|bloodshed|clashes ; halt ~violence|clashes|raids|hostilities ; abandon ~headquarters|stronghold|strongholds|outpost|outposts|trenches
RETREAT ceasefire 0871 : hold ~fire
RETREAT release 0842 : return ~equipment|aircraft|plane|planes|ship|ships|vessel|vessels|artwork|artworks|boat|boats
RETREAT ease 085 : waive ~sanctions|embargo|tariffs
REQUEST - 1031 : claim ~compensation|damages|reparations ; seek ~compensation|damages|reparations ; demand ~compensation|damages|reparations
REJECT - 121 : defeat ~proposal|motion|bill|resolution|measure
PROTEST demonstrate 141 : burn ~flag|flags|effigy|effigies|portrait|portraits|pictures ; chant ~against ; n:civil disobedience
PROTEST obstruct 144 : put up ~barricade|barricades|roadblocks|roadblock ; set up ~barricades|roadblocks|roadblock|barricade
CONSULT host 043 : receive ~ambassador|leader|counterpart|king|delegations|envoys|ministers
CONSULT phone 041 : receive ~call ; talk ~by|over telephone|phone
CONSULT meeting 040 : hold ~conference|summit|dialogue ; establish ~contact|contacts ; attend ~conference|session
COOPERATE military 062 : sell ~weapons|arms|tanks|jets|fighters|missiles|aircraft|helicopters|warplanes ; buy ~weapons|arms|tanks|jets|fighters|missiles|aircraft|helicopters|warplanes ; join forces
SUPPORT - 050 : resume ~ties|relations
AID military 072 : send ~advisers|advisors|instructors|trainers
CONSULT meeting 046 : exchange ~views
RETREAT - 087 : pull ~troops|forces|soldiers|units|army
RETREAT release 0842 : return ~archives|documents|files|treasures|property|relics
SANCTION expel 166 : expel ~aid workers|agencies|agency|groups|officials ; expel ~inspectors|observers|peacekeepers|monitors
ASSAULT abduct 181 : seize ~airliner|airliners|plane|jet|bus|hostages
SANCTION - 160 : halt ~exports|imports|trade|shipments|deliveries|flights ; freeze ~loans|loan|aid|assets|funds|credits|accounts|cooperation|relations|ties ; n:asset freeze
RETREAT access 086 : allow ~convoys|convoy|relief|journalists|reporters|visitors|investigators|cross ; permit ~access|inspectors|observers|monitors|convoys|relief|cross|investigators
COERCE restrict 191 : close ~strait|straits|waterway|canal|airspace|port|ports|harbour|harbor
ACCUSE allege 112 : hold ~responsible
PROTEST strike 143 : shun ~work|classes ; boycott ~classes|work|lectures ; stay away ~from work
CONCEDE - 083 : institute ~reform|reforms ; implement ~reform|reforms ; introduce ~reform|reforms ; enact ~reform|reforms ; carry out ~reform|reforms
PROTEST - 140 : n:political dissent ; n:civil resistance ; n:passive resistance
AID humanitarian 073 : give ~shelter|refuge|sanctuary ; offer ~shelter|refuge|sanctuary
RETREAT - 087 : leave
MOBILIZE troops 154 : send ~platoon|battalion|battalions|contingent|brigade|brigades|division|divisions|warplanes|jets|gunboats|frigates|destroyers|commandos|paratroopers|marines
AID asylum 075 : accept ~refugee|asylum-seeker|asylum-seekers|asylum seekers ; admit ~refugees|refugee|asylum-seekers ; resettle ~refugees|refugee
ASSAULT firearms 193 : n:under fire
MOBILIZE troops 154 : increase ~troops|forces|presence|patrols ; boost ~forces|troops|presence|firepower ; rush ~troops|police|reinforcements|soldiers|forces ; place ~on alert
`

// lightVerbs take a nominal trigger as object and lend it their subject:
// "Russia launched air strikes", "Putin ordered the strikes".
var lightVerbs = map[string]bool{
	"launch": true, "carry": true, "conduct": true, "stage": true, "hold": true, "begin": true,
	"intensify": true, "order": true, "step": true, "resume": true, "mount": true, "start": true,
	"continue": true, "escalate": true, "make": true, "undertake": true, "unleash": true, "lead": true,
	"organize": true, "organise": true, "perpetrate": true, "commit": true, "expand": true, "announce": true,
	"impose": true, "have": true, "give": true, "pay": true, "sign": true, "reach": true, "lodge": true, "issue": true, "stop": true, "use": true, "employ": true,
	"deliver": true, "submit": true, "present": true, "voice": true, "renew": true, "repeat": true, "reiterate": true, "file": true, "join": true, "open": true, "declare": true,
}

// engageVerbs take a nominal event after "in" and lend it their subject:
// "engaged in negotiations", "participated in the attack".
var engageVerbs = map[string]bool{"engage": true, "participate": true, "involve": true}

// Reporting verbs introduce reported speech; their subject is the source of
// the report, not an actor of the event reported.
var reportingVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "state": true, "announce": true, "report": true, "claim": true,
	"confirm": true, "declare": true, "write": true, "tweet": true, "note": true, "explain": true,
	"insist": true, "believe": true, "think": true, "speak": true, "reply": true, "quote": true,
	"conclude": true, "argue": true, "acknowledge": true, "admit": true, "indicate": true, "suggest": true,
}

// Intention verbs: "X vowed to attack" expresses an intent (AGREE or
// THREATEN in PLOVER) and the embedded action is not done.
var intentVerbs = map[string]bool{
	"vow": true, "pledge": true, "promise": true, "plan": true, "intend": true, "want": true, "seek": true,
	"threaten": true, "offer": true, "agree": true, "prepare": true, "aim": true,
	"hope": true, "swear": true, "expect": true, "wish": true, "propose": true,
	"refuse": true, "decline": true, "fail": true, "hesitate": true, "resolve": true,
}

// intentNouns name an intention whose content follows as an infinitive
// ("its willingness to withdraw"); the value is the intent it expresses.
var intentNouns = map[string]string{
	"intent": "intend", "intention": "intend", "intentions": "intend", "willingness": "intend", "readiness": "intend",
	"desire": "intend", "determination": "intend", "plan": "intend", "plans": "intend", "commitment": "intend",
	"pledge": "intend", "promise": "intend", "wish": "intend", "threat": "threaten", "threats": "threaten",
	"refusal": "refuse",
}

// intentGovernors state an intention noun: "expressed its readiness to".
var intentGovernors = map[string]bool{
	"express": true, "voice": true, "announce": true, "signal": true, "reiterate": true, "reaffirm": true,
	"show": true, "indicate": true, "state": true, "declare": true, "confirm": true, "have": true, "unveil": true,
	"make": true, "renew": true, "repeat": true, "issue": true,
}

// Modals that make the next action hypothetical or future.
var modals = map[string]string{
	"may": "hyp", "might": "hyp", "could": "hyp", "would": "hyp", "should": "oblig", "must": "oblig",
	"will": "future", "shall": "future", "'ll": "future", "can": "hyp", "cannot": "neg",
}

var negators = map[string]bool{
	"not": true, "n't": true, "never": true, "no": true, "cannot": true, "neither": true, "nor": true,
}

// Agent nouns (sector) -> CAMEO role code.
var agentRoles = map[string]string{
	"government": "GOV", "governments": "GOV", "president": "GOV", "minister": "GOV", "ministers": "GOV",
	"ministry": "GOV", "premier": "GOV", "chancellor": "GOV", "king": "GOV", "queen": "GOV", "prince": "GOV",
	"emir": "GOV", "sheikh": "GOV", "official": "GOV", "officials": "GOV", "leader": "GOV", "leaders": "GOV",
	"cabinet": "GOV", "administration": "GOV", "regime": "GOV", "authorities": "GOV", "spokesman": "GOV",
	"spokeswoman": "GOV", "diplomat": "GOV", "diplomats": "GOV", "ambassador": "GOV", "envoy": "GOV",
	"governor": "GOV", "mayor": "GOV", "parliament": "LEG", "lawmakers": "LEG", "legislators": "LEG",
	"senator": "LEG", "senate": "LEG", "congress": "LEG", "mp": "LEG", "mps": "LEG",
	"military": "MIL", "army": "MIL", "troops": "MIL", "soldiers": "MIL", "soldier": "MIL", "forces": "MIL",
	"warplanes": "MIL", "jets": "MIL", "navy": "MIL", "general": "MIL", "commander": "MIL", "aircraft": "MIL",
	"artillery": "MIL", "tanks": "MIL", "marines": "MIL", "air force": "MIL", "defence": "MIL", "defense": "MIL",
	"police": "COP", "policemen": "COP", "officers": "COP", "security": "COP", "paramilitary": "COP",
	"rebels": "REB", "rebel": "REB", "guerrillas": "REB", "guerrilla": "REB", "separatists": "REB", "fighters": "REB",
	"insurgents": "INS", "insurgent": "INS", "militants": "INS", "militant": "INS", "gunmen": "INS",
	"terrorists": "INS", "terrorist": "INS", "jihadists": "INS", "extremists": "INS", "militia": "INS", "militias": "INS",
	"court": "JUD", "judge": "JUD", "judges": "JUD", "prosecutor": "JUD", "prosecutors": "JUD", "tribunal": "JUD",
	"opposition": "OPP", "dissidents": "OPP", "activists": "OPP", "activist": "OPP", "party": "PTY",
	"protesters": "OPP", "protestors": "OPP", "demonstrators": "OPP", "supporters": "OPP", "students": "EDU",
	"civilians": "CVL", "civilian": "CVL", "people": "CVL", "residents": "CVL", "villagers": "CVL", "citizens": "CVL",
	"holidaymakers": "CVL", "tourists": "CVL", "passengers": "CVL", "workers": "LAB", "unions": "LAB", "union": "LAB",
	"refugees": "REF", "refugee": "REF", "migrants": "REF", "youths": "CVL", "women": "CVL", "children": "CVL",
	"journalists": "MED", "journalist": "MED", "media": "MED", "newspaper": "MED", "reporters": "MED",
	"company": "BUS", "companies": "BUS", "firm": "BUS", "firms": "BUS", "businessmen": "BUS", "bank": "BUS",
	"airline": "BUS", "farmers": "AGR", "doctors": "MED", "church": "REL", "clerics": "REL", "cleric": "REL",
	"airliner": "CVL", "plane": "CVL", "jet": "CVL", "airbus": "CVL", "ship": "CVL", "embassy": "GOV",
	"group": "", "groups": "", "candidates": "OPP", "teachers": "EDU", "nurses": "MED", "lawyers": "JUD", "traders": "BUS", "drivers": "LAB", "miners": "LAB", "pilots": "LAB", "employees": "LAB", "staff": "LAB", "unionists": "LAB", "hackers": "INS", "bombers": "INS", "attackers": "INS", "assailants": "INS", "kidnappers": "CRM", "smugglers": "CRM", "gangs": "CRM", "gang": "CRM", "criminals": "CRM", "candidate": "OPP", "negotiators": "GOV", "negotiator": "GOV", "delegation": "GOV", "settlers": "CVL", "prisoners": "CVL", "hostages": "CVL", "inspectors": "IGO", "observers": "IGO", "peacekeepers": "IGO", "monitors": "IGO", "deputies": "LEG", "elders": "CVL",
	"junta": "GOV", "rioters": "CVL", "looters": "CVL", "hijackers": "INS", "navies": "MIL", "armies": "MIL",
	"militiamen": "INS", "commandos": "MIL", "paratroopers": "MIL", "gendarmes": "COP", "strikers": "LAB", "marchers": "OPP",
	"dissident": "OPP", "exiles": "OPP", "pirates": "CRM", "bandits": "CRM", "traffickers": "CRM", "tribesmen": "CVL",
	"peasants": "AGR", "monks": "REL", "priests": "REL", "bishops": "REL", "clergy": "REL", "parliamentarians": "LEG",
	"magistrates": "JUD", "rulers": "GOV", "ruler": "GOV", "commanders": "MIL", "generals": "MIL", "paramilitaries": "MIL",
	"warships": "MIL", "gunboats": "MIL", "delegates": "GOV", "foreigners": "CVL", "nationals": "CVL",
	"sides": "", "factions": "", "bomber": "INS", "gunman": "INS", "attacker": "INS", "assailant": "INS", "hijacker": "INS",
}

// titles before a person's name that give a role.
var titles = map[string]string{
	"president": "GOV", "minister": "GOV", "premier": "GOV", "chancellor": "GOV", "king": "GOV", "queen": "GOV",
	"prince": "GOV", "emir": "GOV", "sheikh": "GOV", "mr": "", "mrs": "", "ms": "", "dr": "", "gen": "MIL",
	"general": "MIL", "colonel": "MIL", "col": "MIL", "commander": "MIL", "senator": "LEG", "sen": "LEG",
	"governor": "GOV", "mayor": "GOV", "ambassador": "GOV", "secretary": "GOV", "foreign": "GOV", "prime": "GOV",
	"defence": "GOV", "defense": "GOV", "interior": "GOV", "spokesman": "GOV", "judge": "JUD", "leader": "GOV",
}

// knownActors are names that are neither countries nor people: IGOs, NGOs,
// regions and the best-known armed groups. Name, code (alpha-3 country or
// CAMEO international code), role.
const knownActorList = `
chechen|chechens|chechnya|chechen rebels = Chechen | RUS |
basque|basques = Basque | ESP |
tibet|tibetan|tibetans = Tibetan | CHN |
timorese|east timorese = Timorese | TLS |
tamil|tamils = Tamil | LKA |
sikh|sikhs = Sikh | IND |
uighur|uighurs|uyghur|uyghurs = Uighur | CHN |
darfur = Darfur | SDN |
tel aviv = Tel Aviv | ISR |
bosnia|bosnia-herzegovina|herzegovina = Bosnia | BIH |
kampuchea|kampuchean|kampucheans = Kampuchea | KHM |
zaire|zairean|zaireans|zairian = Zaire | COD |
rhodesia|rhodesian|rhodesians = Rhodesia | ZWE |
soviet union|ussr|u.s.s.r.|soviet|soviets = Soviet Union | RUS |
yugoslavia|yugoslav|yugoslavs|yugoslavian = Yugoslavia | SRB |
czechoslovakia|czechoslovak = Czechoslovakia | CZE |
west germany|east germany|west german|east german = Germany | DEU |
upper volta = Upper Volta | BFA |
dahomey = Dahomey | BEN |
ceylon = Ceylon | LKA |
kurdistan workers' party|kurdistan workers party|pkk = Kurdistan Workers' Party | TUR | REB
liberation tigers|liberation tigers of tamil eelam|tamil tigers|ltte|tamil tiger = Tamil Tigers | LKA | REB
farc|revolutionary armed forces of colombia = FARC | COL | REB
eln = ELN | COL | REB
irish republican army|ira|provisional ira = IRA | GBR | REB
sinn fein|sinn féin = Sinn Fein | GBR | PTY
eta = ETA | ESP | REB
shining path|sendero luminoso = Shining Path | PER | REB
zapatistas|zapatista national liberation army = Zapatistas | MEX | REB
sudan people's liberation army|spla|splm|sudan people's liberation movement = SPLA | SDN | REB
revolutionary united front|ruf = RUF | SLE | REB
npfl|national patriotic front of liberia = NPFL | LBR | REB
ulimo = ULIMO | LBR | REB
abu sayyaf = Abu Sayyaf | PHL | REB
moro islamic liberation front|milf = MILF | PHL | REB
moro national liberation front|mnlf = MNLF | PHL | REB
new people's army = New People's Army | PHL | REB
khmer rouge = Khmer Rouge | KHM | REB
lashkar-e-taiba|lashkar-e-toiba|let = Lashkar-e-Taiba | PAK | REB
jaish-e-mohammed|jaish-e-mohammad = Jaish-e-Mohammed | PAK | REB
islamic jihad|palestinian islamic jihad = Islamic Jihad | PSE | INS
muslim brotherhood = Muslim Brotherhood | EGY | OPP
islamic salvation front|fis = Islamic Salvation Front | DZA | OPP
armed islamic group|gia = Armed Islamic Group | DZA | REB
northern alliance = Northern Alliance | AFG | REB
houthis|houthi|houthi rebels|ansar allah = Houthis | YEM | REB
free syrian army = Free Syrian Army | SYR | REB
syrian democratic forces = Syrian Democratic Forces | SYR | REB
nusra front|al-nusra front|jabhat al-nusra = Nusra Front | SYR | INS
janjaweed = Janjaweed | SDN | MIL
interahamwe = Interahamwe | RWA | MIL
rwandan patriotic front|rpf = RPF | RWA | REB
peshmerga = Peshmerga | IRQ | MIL
kosovo liberation army|kla = KLA | SRB | REB
contras = Contras | NIC | REB
sandinistas|sandinista = Sandinistas | NIC | PTY
african national congress|anc = ANC | ZAF | PTY
inkatha|inkatha freedom party = Inkatha | ZAF | PTY
zanu-pf = ZANU-PF | ZWE | PTY
renamo = Renamo | MOZ | REB
frelimo = Frelimo | MOZ | PTY
swapo = SWAPO | NAM | PTY
mpla = MPLA | AGO | PTY
likud = Likud | ISR | PTY
polisario|polisario front = Polisario | ESH | REB
knesset = Knesset | ISR | LEG
duma|state duma = Duma | RUS | LEG
bundestag = Bundestag | DEU | LEG
kremlin|the kremlin = Kremlin | RUS | GOV
white house|the white house = White House | USA | GOV
pentagon|the pentagon = Pentagon | USA | MIL
state department|us state department|u.s. state department = State Department | USA | GOV
downing street = Downing Street | GBR | GOV
xinhua|xinhua news agency = Xinhua | CHN | MED
itar-tass|tass = Tass | RUS | MED
interfax = Interfax | RUS | MED
kcna|korean central news agency = KCNA | PRK | MED
irna|islamic republic news agency = IRNA | IRN | MED
mossad = Mossad | ISR | SPY
shin bet = Shin Bet | ISR | SPY
kgb = KGB | RUS | SPY
revolutionary guards|revolutionary guard|irgc = Revolutionary Guards | IRN | MIL
hizbul mujahideen = Hizbul Mujahideen | IND | REB
al-aqsa martyrs brigades|al-aqsa martyrs brigade = al-Aqsa Martyrs Brigades | PSE | INS
united nations high commissioner for refugees|un refugee agency = UNHCR | IGO | IGO
international criminal court = International Criminal Court | IGO | IGO
ecowas|economic community of west african states = ECOWAS | IGO | IGO
ecomog = ECOMOG | IGO | IGO
gulf cooperation council|gcc = GCC | IGO | IGO
commonwealth of independent states = CIS | IGO | IGO
council of europe = Council of Europe | IGO | IGO
european commission = European Commission | IGO | IGO
european parliament = European Parliament | IGO | IGO
organization of american states = OAS | IGO | IGO
organisation of islamic cooperation|organization of the islamic conference|organisation of the islamic conference|oic = OIC | IGO | IGO
doctors without borders|medecins sans frontieres|médecins sans frontières|msf = MSF | NGO | NGO
oxfam = Oxfam | NGO | NGO
save the children = Save the Children | NGO | NGO
reporters without borders = Reporters Without Borders | NGO | NGO
greenpeace = Greenpeace | NGO | NGO
united nations|un|u.n.|the united nations = United Nations | IGO | IGO
security council|un security council = UN Security Council | IGO | IGO
nato|north atlantic treaty organization = NATO | IGO | IGO
european union|eu|e.u. = European Union | IGO | IGO
european community|ec = European Community | IGO | IGO
african union|au = African Union | IGO | IGO
arab league = Arab League | IGO | IGO
asia-pacific economic cooperation|apec = Asia-Pacific Economic Cooperation | IGO | IGO
g20|group of 20 = G20 | IGO | IGO
world bank = World Bank | IGO | IGO
imf|international monetary fund = International Monetary Fund | IGO | IGO
world food program|world food programme|wfp = World Food Programme | IGO | IGO
red cross|icrc|international committee of the red cross = Red Cross | NGO | NGO
amnesty international = Amnesty International | NGO | NGO
human rights watch = Human Rights Watch | NGO | NGO
islamic state|is|isil|isis|daesh|islamic state of iraq and the levant|islamic state in iraq and the levant|islamic state of iraq and syria|islamic state in iraq and syria = Islamic State |  | INS
al qaeda|al-qaeda|al qaida|al-qaida = al Qaeda |  | INS
taliban|the taliban = Taliban | AFG | INS
hamas = Hamas | PSE | INS
hezbollah|hizbollah = Hezbollah | LBN | INS
boko haram = Boko Haram | NGA | INS
al-shabaab|al shabaab|shabaab = al-Shabaab | SOM | INS
the west|west = the West |  | GOV
kurds = Kurds |  | CVL
palestinians = Palestinians | PSE | CVL
prc|people's republic of china = China | CHN |
osce = OSCE | IGO | IGO
iaea|international atomic energy agency = IAEA | IGO | IGO
red crescent = Red Crescent | NGO | NGO
organization of african unity|oau = OAU | IGO | IGO
wto|world trade organization = WTO | IGO | IGO
asean = ASEAN | IGO | IGO
unesco = UNESCO | IGO | IGO
unita = UNITA | AGO | REB
plo|palestine liberation organization = PLO | PSE | GOV
fatah = Fatah | PSE | PTY
oas = OAS | IGO | IGO
who = WHO | IGO | IGO
unicef = UNICEF | IGO | IGO
unhcr = UNHCR | IGO | IGO
opec = OPEC | IGO | IGO
`

type knownActor struct {
	name, code, role string
	dict             bool // from a dictionary loaded at run time
}

func parseKnownActors() map[string]knownActor {
	m := map[string]knownActor{}
	for _, ln := range strings.Split(knownActorList, "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" {
			continue
		}
		lhs, rhs, _ := strings.Cut(ln, "=")
		f := strings.Split(rhs, "|")
		for len(f) < 3 {
			f = append(f, "")
		}
		ka := knownActor{name: strings.TrimSpace(f[0]), code: strings.TrimSpace(f[1]), role: strings.TrimSpace(f[2])}
		for _, alias := range strings.Split(lhs, "|") {
			m[strings.TrimSpace(alias)] = ka
		}
	}
	return m
}

// irregular verb forms -> lemma.
var irregular = map[string]string{
	"took": "take", "taken": "take", "brought": "bring", "blew": "blow", "blown": "blow", "shot": "shoot",
	"held": "hold", "met": "meet", "fought": "fight", "gave": "give", "given": "give", "sent": "send",
	"struck": "strike", "stricken": "strike", "beaten": "beat", "withdrew": "withdraw", "withdrawn": "withdraw",
	"broke": "break", "broken": "break", "led": "lead", "sought": "seek", "spoke": "speak", "spoken": "speak",
	"told": "tell", "said": "say", "says": "say", "began": "begin", "begun": "begin", "hit": "hit", "shut": "shut",
	"set": "set", "put": "put", "quit": "quit", "laid": "lay", "paid": "pay", "made": "make", "drove": "drive",
	"driven": "drive", "threw": "throw", "thrown": "throw", "won": "win", "sold": "sell", "bought": "buy",
	"kept": "keep", "left": "leave", "lost": "lose", "forgave": "forgive", "forgiven": "forgive",
	"overthrew": "overthrow", "stood": "stand", "came": "come", "went": "go", "gone": "go", "did": "do",
	"done": "do", "saw": "see", "seen": "see", "chose": "choose", "chosen": "choose", "swore": "swear",
	"sworn": "swear", "froze": "freeze", "frozen": "freeze", "undertook": "undertake", "undertaken": "undertake",
	"was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "being": "be", "am": "be", "'s": "be",
	"has": "have", "had": "have", "having": "have", "lent": "lend", "fled": "flee", "bled": "bleed",
	"understood": "understand", "rode": "ride", "hid": "hide", "hidden": "hide", "flew": "fly", "flown": "fly",
	"arose": "arise", "wrote": "write", "written": "write", "thought": "think", "found": "find", "felt": "feel",
	"meant": "mean", "ran": "run", "dealt": "deal", "stole": "steal", "stolen": "steal", "bore": "bear",
	"sped": "speed", "slew": "slay", "slain": "slay", "shelled": "shell", "shelling": "shell", "woke": "wake",
	"dispatched": "dispatch", "rallied": "rally", "rallies": "rally", "applied": "apply", "denied": "deny",
	"denies": "deny", "tried": "try", "tries": "try", "allied": "ally", "relied": "rely", "replied": "reply",
	"carried": "carry", "carries": "carry", "occupied": "occupy", "occupies": "occupy", "intensified": "intensify",
	"intensifies": "intensify", "studied": "study", "pitied": "pity", "vetoed": "veto", "vetoes": "veto",
	"torpedoed": "torpedo", "embargoed": "embargo", "fed": "feed", "bent": "bend", "spent": "spend",
}

// lemma returns a verb lemma for an inflected (lower-case) word form,
// using the irregular table and suffix rules. Candidates are checked against
// known lemmas when known is non-nil.
func lemma(w string, known map[string]bool) string {
	if l, ok := irregular[w]; ok {
		return l
	}
	if known[w] {
		return w
	}
	try := func(c string) (string, bool) {
		if known == nil || known[c] {
			return c, true
		}
		return "", false
	}
	n := len(w)
	cands := []string{}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		cands = append(cands, w[:n-3]+"y")
	case strings.HasSuffix(w, "ied") && n > 4:
		cands = append(cands, w[:n-3]+"y")
	}
	if strings.HasSuffix(w, "ing") && n > 4 {
		s := w[:n-3]
		cands = append(cands, s, s+"e")
		if len(s) > 2 && s[len(s)-1] == s[len(s)-2] {
			cands = append(cands, s[:len(s)-1])
		}
	}
	if strings.HasSuffix(w, "ed") && n > 3 {
		s := w[:n-2]
		cands = append(cands, s, w[:n-1])
		if len(s) > 2 && s[len(s)-1] == s[len(s)-2] {
			cands = append(cands, s[:len(s)-1])
		}
	}
	if strings.HasSuffix(w, "es") && n > 3 {
		cands = append(cands, w[:n-2], w[:n-1])
	} else if strings.HasSuffix(w, "s") && n > 2 {
		cands = append(cands, w[:n-1])
	}
	for _, c := range cands {
		if l, ok := try(c); ok {
			return l
		}
	}
	return w
}

// nounLemma is a crude singular for nominal trigger matching.
func nounLemma(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}
