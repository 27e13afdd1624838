"""A few real places of Centre-Val de Loire: departments, communes and priority neighbourhoods."""

REGION = ("centre-val-de-loire", "Centre-Val de Loire", "24")

DEPARTMENTS = [
    ("cher", "Cher", "18"),
    ("eure-et-loir", "Eure-et-Loir", "28"),
    ("indre", "Indre", "36"),
    ("indre-et-loire", "Indre-et-Loire", "37"),
    ("loir-et-cher", "Loir-et-Cher", "41"),
    ("loiret", "Loiret", "45"),
]

# (slug, name, department slug, [(QPV slug, QPV name)])
COMMUNES = [
    ("bourges", "Bourges", "cher", [("bourges-chancellerie-gibjoncs", "Chancellerie – Gibjoncs – Moulon")]),
    ("chartres", "Chartres", "eure-et-loir", [("chartres-les-clos", "Les Clos")]),
    ("dreux", "Dreux", "eure-et-loir", [("dreux-les-chamards", "Les Chamards")]),
    ("chateauroux", "Châteauroux", "indre", [("chateauroux-saint-jean", "Saint-Jean – Saint-Jacques")]),
    ("tours", "Tours", "indre-et-loire", [("tours-sanitas", "Le Sanitas"), ("tours-rives-du-cher", "Rives du Cher")]),
    ("blois", "Blois", "loir-et-cher", [("blois-quartiers-nord", "Quartiers Nord")]),
    ("orleans", "Orléans", "loiret", [("orleans-la-source", "La Source"), ("orleans-argonne", "L'Argonne")]),
    ("montargis", "Montargis", "loiret", [("montargis-chautemps", "Chautemps")]),
]
