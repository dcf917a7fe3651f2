"""Small word lists the tagger uses as features: common given names and family names of many
cultures (lower case, accents kept). Written for refkit; membership is only a hint to the model.
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
