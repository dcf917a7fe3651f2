"""Small word lists the tagger uses as features: common given names and family names of many
cultures (lower case, accents kept), and role, month, publisher, place and journal words. Written for
refkit; membership is only a hint to the model.
"""

from __future__ import annotations


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


GIVEN_NAMES = _words(
    """aaron abdul abdullah abraham adam adrian ahmad ahmed aisha alan albert alberto alejandro alex
    alexander alexandra alfred ali alice alicia alison amanda amir amy ana anders andrea andreas andrew
    andré angela angelo anita ann anna anne annette anthony antoine anton antonio april arjun arthur
    astrid barbara barry beatriz ben benjamin bernard bernhard beth betty bill bob boris brian bruce
    bruno camille carl carla carlos carmen caroline catherine cecilia charles charlotte chen chris
    christian christina christine christopher claire claude claudia colin craig cristina daniel daniela
    david dennis diana diego dieter dimitri dmitri donald dorothy douglas edward elena elisabeth
    elizabeth ellen emily emma enrique eric erik ernst eva fatima felix fernando francesca francesco
    francis francisco franco françois frank franz frederick friedrich gabriel gabriele gary george
    georg gerald gerhard giovanni giuseppe gordon grace gregory günter hans harold harry heinrich helen
    helena helmut henri henrik henry herbert hiroshi hugh hugo ian ibrahim ingrid irene isabel isabelle
    ivan jack jacob jacques james jan jane janet jean jennifer jens jeremy jessica jim joan joanna
    johann johannes john jonathan jorge josé joseph juan judith julia julian julie jürgen karen karin
    karl katherine kathleen katrin keith kenneth kevin klaus kwame kurt lars laura laurent lawrence
    leila leon li linda lisa liu louis lucas lucia luis luisa lukas manfred manuel marc marco margaret
    maria marie mario mark markus martha martin mary matthew matthias maurice max michael michel
    michelle miguel mohammad mohammed muhammad nancy natalia nicholas nicola nicolas niels nikolai
    nils olga oliver olivier pablo pamela paolo pascal patricia patrick paul paula pedro peter philip
    philippe pierre rachel rafael rainer ralph ramón raymond rebecca reza ricardo richard robert
    roberto roger roland ronald rosa ruth ryan sabine salvatore samuel sandra sara sarah sergei simon
    sofia sophie stefan stefano stephen steven susan sven takeshi teresa thomas tim timothy tobias
    tom tomás ursula valentina victor vincent walter wei werner william wolfgang xavier yang yuki yusuf
    zhang ahmet ayşe mehmet mustafa fatma emre hassan hossein mahmoud mehdi mohsen omar rashid samira
    yasmin kenji haruki takashi yoko akira satoshi hui jing ming xiaoming yan ying priya rajesh sanjay
    sunil anil deepak vijay amit ravi arun kofi ama chidi ngozi oluwaseun tunde amara tesfaye abebe
    joão paulo rui tiago inês giulia luca marta pietro sergio søren lars-erik ole kristin sigrid
    piotr krzysztof agnieszka katarzyna tomasz jiří petr jana zoltán istván gábor andrei mihai ion
    elif zeynep dimitrios georgios maria-jose jean-pierre jean-claude hans-georg karl-heinz""")

FAMILY_NAMES = _words(
    """smith johnson williams brown jones miller davis wilson anderson taylor thomas moore martin
    jackson thompson white harris clark lewis robinson walker young allen king wright scott green
    baker adams nelson hill campbell mitchell roberts carter phillips evans turner parker collins
    edwards stewart morris murphy cook rogers morgan cooper peterson reed bailey bell kelly howard
    ward cox richardson wood watson brooks bennett gray james hughes price sanders myers long ross
    foster müller schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter
    klein wolf schröder neumann schwarz zimmermann braun krüger hartmann lange werner krause lehmann
    martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent lefebvre
    michel garcia david bertrand roux vincent fournier morel girard andré mercier blanc guerin
    rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
    garcía rodríguez gonzález fernández lópez martínez sánchez pérez gómez díaz hernández ruiz
    silva santos oliveira souza pereira costa ferreira almeida carvalho gomes
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin he gao luo zheng liang
    kim lee park choi jung kang cho yoon jang lim sato suzuki takahashi tanaka watanabe ito yamamoto
    nakamura kobayashi kato nguyen tran pham le hoang phan vu dang bui
    kumar singh sharma gupta patel shah mehta rao reddy das banerjee chatterjee mukherjee iyer
    ahmed khan ali hussain rahman hosseini mohammadi ahmadi rezaei karimi moradi jafari yilmaz kaya
    demir şahin çelik öztürk ivanov smirnov kuznetsov popov petrov sokolov novak kowalski nowak
    wiśniewski wójcik kowalczyk kamiński horváth nagy szabó tóth papadopoulos nielsen jensen hansen
    andersen pedersen larsen johansson andersson karlsson nilsson eriksson olsen berg haugen
    jansen de-vries bakker visser smit meijer mulder okafor okonkwo adeyemi mensah abebe""")


# ---------------------------------------------------------------- the tagger's role, month, publisher,
# place and journal words (its dictionary features; moved here from tagger.py unchanged)
MONTHS = _words(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept september
    oct october nov november dec december janvier février fevrier mars avril mai juin juillet août aout
    septembre octobre novembre décembre decembre januar februar märz maerz juni juli oktober dezember
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre gennaio
    febbraio aprile maggio giugno luglio settembre ottobre dicembre spring summer autumn fall winter
    printemps été automne hiver frühjahr sommer herbst"""
)
EDITOR_WORDS = _words(
    "ed eds edd editor editors edited hrsg hg hgg herausgegeben éd éds dir dirs coord comp comps"
    " (ed) (eds) (hrsg) (éd) (éds) (dir) (dirs) (coord) (comp)"
)
TRANS_WORDS = _words("trans transl translated translator translators tr trad traduit übers übersetzt translation")
IN_WORDS = _words("in dans im en")
PAGE_WORDS = _words("pp p pages page s ss seiten pgs")
VOL_WORDS = _words("vol vols volume volumes bd band jg jahrgang t tome tomo no nos nr num number issue n° nº heft")
EDITION_WORDS = _words("ed edn edition éd édition aufl auflage ausg rev revised")
GENRE_WORDS = _words(
    """thesis dissertation phd ph.d ma msc master's masters doctoral report technical tech working paper
    memo memorandum preprint manuscript unpublished habilitation diss mémoire patent"""
)
PUBLISHER_WORDS = _words(
    """press university universität université universidad università verlag publishers publisher
    publishing publications books inc ltd co gmbh editions éditions edizioni editorial editora
    wiley springer elsevier routledge sage pearson mcgraw-hill oxford cambridge harvard mit yale
    princeton academic blackwell macmillan penguin norton palgrave brill gruyter suhrkamp beck
    gallimard seuil puf flammarion armand colin dunod harmattan taylor francis kluwer addison-wesley
    prentice crc ieee acm siam ams springer-verlag birkhäuser routledge/taylor pergamon nijhoff
    institute institut foundation council department ministry office bureau association society
    laboratory laboratories corporation group centre center bank organization organisation"""
)
PLACE_WORDS = _words(
    """london new york ny paris berlin oxford cambridge boston chicago philadelphia washington dc
    d.c los angeles san francisco princeton nj ma ca il berkeley toronto montreal amsterdam
    leiden frankfurt münchen munich hamburg leipzig stuttgart wien vienna zürich zurich basel bern
    göttingen heidelberg tübingen köln cologne bonn madrid barcelona rome roma milano milan
    firenze florence bologna torino napoli lisboa lisbon moscow moskva st petersburg tokyo beijing
    shanghai delhi sydney melbourne dordrecht heidelberg amsterdam brussels bruxelles genève geneva
    lausanne lyon marseille toulouse bordeaux lille rennes nantes strasbourg grenoble stockholm
    oslo copenhagen københavn helsinki warsaw warszawa prague praha budapest athens istanbul
    tehran cairo baltimore cleveland ann arbor mi minneapolis pittsburgh westport ct hoboken
    englewood cliffs upper saddle river thousand oaks newbury park beverly hills malden
    chichester abingdon basingstoke harmondsworth edinburgh glasgow manchester bristol
    mexico buenos aires são paulo rio janeiro santiago bogotá lima caracas usa uk germany france
    italy spain netherlands switzerland canada australia japan china india tx fl pa va md"""
)
JOURNAL_WORDS = _words(
    """journal j jour review rev proceedings proc transactions trans annals ann bulletin bull
    quarterly letters lett magazine studies research science sciences zeitschrift zeitschr
    revue rivista archiv archives acta annales cahiers gazette newsletter yearbook jahrbuch
    international int national american am european eur british br phys chem biol med
    journal. review. medicine clinical clin psychology psychol economics econ sociology"""
)
PARTICLES = _words("van von de der den del della di da dos das du la le ter ten zu af al el bin ibn")
CONNECTORS = _words("and & und et y e u. ve och og i")

# More given names, for the rules after the tagger only ("Ulrike Jureit, Michael Wildt:" are two
# people): GIVEN_NAMES above is a feature of the shipped model and stays as it was trained.
RULE_GIVEN_NAMES = GIVEN_NAMES | _words(
    """
    achim alain aleksandr aleksandra alessandro alfons alfonso alvaro anatoly andrzej andrés anke
    antonella armin arnd august axel beate bernd bettina birgit bjørn carlo christa christoph
    christophe claudio claus consuelo cornelia dagmar denis detlef didier dietmar dirk dmitry
    dolores dominique doris eckart edith eduardo egon elke elmar emilio emmanuel enrico erich erika
    erwin esteban fabrice federico felipe florence franca françoise fritz galina geneviève gerd
    gerda gerlinde gert gianni gilles giorgio gisela giulio gonzalo gottfried gudrun guillaume
    gunnar gérard günther hanna hannah hannes hartmut heidi heike heiner heinz helene helga hermann
    hervé hildegard holger horst hubert hélène ignacio igor ilse inge ingeborg ingo irina iris
    irmgard jacqueline javier jerzy joachim joaquín jochen johan josef julien julio jutta jérôme
    józef jörg jörn kerstin kjell knut konrad laurence lena leonid lorenz lorenzo lothar luc lucien
    lucía ludwig luigi luise lutz magdalena magnus maik manuela marcel marcello margarete marianne
    marion marisol marlies martina massimo mathieu matteo meike mercedes michaela mikhail monika
    monique nadine nathalie nicole niklas nikolay nina norbert noël nuria olaf olav oleg oskar otto
    paola pascale patrice pavel per petra pilar raúl regina reiner reinhard reinhart renate rené
    roberta rolf rosario roswitha rudolf régis rüdiger sandro santiago sascha sebastian serge
    siegfried silke silvia simone stanisław stefania stefanie steffen sten stéphane susanne sylvain
    sylvie tadeusz tatiana theodor thierry thilo thorsten till tommaso torben torsten ulf ulla
    ulrich ulrike umberto ute uwe veronika viktor vittorio vladimir volker véronique walther wiebke
    wilhelm winfried wojciech wolf wolfram yuri yves émile étienne
    jonas finn maximilian moritz philipp fabian florian kai lea katharina johanna miriam anja tanja carina
    franziska theresa ines jannik malte hendrik henrik mats nele merle wiebke imke frauke gesa ina ilka
    jasmin jana janina kathrin katrin kristina lisa-marie marlene mareike nadine nina svenja vanessa
    """
)


def given_name(word: str) -> bool:
    """'Jan', 'Hans-Ulrich': a known given name (each part of a hyphenated one), for the rules."""
    return all(p in RULE_GIVEN_NAMES for p in word.lower().split("-"))


# words that name a newspaper or magazine ("New York Times", "Die Zeit", "Le Monde"), for the rules
NEWSPAPER_WORDS = (r"times|post|news|daily|herald|tribune|gazette|globe|inquirer|examiner|telegraph|guardian|independent|chronicle|observer|"
                   r"economist|monitor|magazine|newspaper|weekly|zeitung|zeit|spiegel|standard|presse|welt|taz|rundschau|"
                   r"allgemeine|monde|figaro|libération|país|corriere|repubblica")
