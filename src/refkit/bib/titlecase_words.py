"""Proper nouns that keep their capital when a title is put in sentence case (lower-cased forms).

Places, peoples and their languages, months and days, religions, and the names of scientists and
philosophers that titles use as nouns or adjectives (Bayesian, Gaussian, Hilbert space). A file adds
its own (see :func:`refkit.bib.titlecase.proper_nouns_in`).
"""

from __future__ import annotations

_WORDS = """
january february april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
africa african america american americans asia asian europe european europeans oceania antarctica
arctic atlantic pacific mediterranean caribbean balkan balkans scandinavia scandinavian nordic
latin anglo saxon
afghanistan albania algeria argentina argentinian armenia australia australian austria austrian
bangladesh belgium belgian bolivia bosnia brazil brazilian britain british bulgaria cambodia cameroon
canada canadian chile chilean chinese colombia congo croatia cuba cuban cyprus czech denmark
danish egypt egyptian england english estonia ethiopia finland finnish france french georgia germany
german ghana greece greek hungary hungarian iceland icelandic india indian indonesia indonesian iran
iranian iraq iraqi ireland irish israel israeli italy italian japan japanese jordan kazakhstan kenya
korea korean kosovo kuwait latvia lebanon libya lithuania luxembourg malaysia mali mexico mexican
mongolia morocco mozambique myanmar nepal netherlands dutch nigeria norway norwegian pakistan
palestine palestinian peru philippines poland portugal portuguese romania russia russian
rwanda saudi scotland scottish senegal serbia singapore slovakia slovenia somalia spain spanish
sudan sweden swedish switzerland swiss syria taiwan tanzania thailand thai tunisia turkish
uganda ukraine ukrainian uruguay venezuela vietnam vietnamese wales welsh yemen zambia zimbabwe
arabic arab arabs hebrew persian sanskrit hindi urdu bengali tamil swahili yiddish catalan basque
kurdish berber maori inuit aboriginal hispanic
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
vermont virginia washington wisconsin wyoming carolina dakota hampshire jersey
london paris berlin rome madrid vienna moscow beijing shanghai tokyo delhi mumbai cairo istanbul
amsterdam brussels geneva zurich stockholm oslo copenhagen helsinki dublin edinburgh oxford
cambridge boston chicago york angeles francisco seattle portland toronto montreal vancouver
sydney melbourne singapore hong kong athens jerusalem prague warsaw budapest lisbon barcelona
munich hamburg venice florence naples milan manhattan brooklyn harvard stanford princeton yale
berkeley
christian christians christianity catholic catholics protestant islam islamic muslim muslims jewish
jews judaism buddhist buddhism hindu hinduism bible biblical god quran koran
bayes bayesian gauss gaussian markov markovian boole boolean euclid euclidean fourier hilbert
newton newtonian lagrange lagrangian hamilton hamiltonian riemann riemannian descartes cartesian
darwin darwinian freud freudian marx marxist marxism kant kantian hegel hegelian einstein
schrödinger schrodinger dirac fock heisenberg boltzmann maxwell poisson laplace laplacian
bernoulli dirichlet wiener weibull nyquist shannon kolmogorov lyapunov navier stokes cauchy
galois jacobi jacobian hessian euler eulerian banach sobolev hopf kalman pareto nash turing
monte carlo hebbian keynes keynesian weber durkheim foucault plato platonic aristotle aristotelian
socrates shakespeare victorian renaissance
wikipedia google facebook twitter microsoft linux unix java python github
""".split()

PROPER_NOUNS = frozenset(_WORDS)
