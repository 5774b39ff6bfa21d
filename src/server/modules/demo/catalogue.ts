// Fictional names for the demo system. Any likeness to a real provider is accidental.

export const PROVIDER_NAMES = [
  "Mersey View Care", "Runcorn Home Care", "Widnes Community Care", "Daresbury Lodge Care Group", "Brookvale Support Services",
  "Castlefields Homecare", "Hale Village Care Homes", "Ditton Court Care", "Halebank Supported Living", "Norton Priory Nursing",
  "Silver Jubilee Care", "Appleton Thorn Home Care", "Kingsway Residential Care", "Upton Rocks Care", "Farnworth Support",
  "Palacefields Homecare", "Murdishaw Care Partnership", "Beechwood Nursing Homes", "Sandymoor Living", "Hough Green Care",
  "Victoria Park Home Support", "Riverside Care Collective", "Weston Point Care", "Windmill Hill Care", "Grangeway Support Services",
  "Moorfield Care Homes", "Bridgewater Domiciliary Care", "Fiddlers Ferry Care", "Pickerings Pasture Care", "Spike Island Support",
  "Heath Road Nursing", "Catalyst Care Services", "Wigg Island Homecare", "Hallwood Park Care", "Clifton Village Care",
  "St Mary's Residential Care", "Greenway Community Support", "Oakwood Home Care", "Lowerhouse Care Home", "Wharford Supported Living",
] as const;

export const FIRST_NAMES_F = ["Amy", "Beth", "Chloe", "Dawn", "Emma", "Fiona", "Grace", "Hannah", "Irene", "Jade", "Karen", "Laura", "Megan", "Nicola", "Olivia", "Paula", "Rachel", "Sarah", "Tracy", "Wendy", "Joy", "Adaeze", "Priya", "Agnieszka", "Maria", "Chipo"];
export const FIRST_NAMES_M = ["Adam", "Ben", "Callum", "Daniel", "Ethan", "Gary", "Ian", "James", "Kevin", "Liam", "Mark", "Neil", "Paul", "Ryan", "Steven", "Tom", "Chinedu", "Arjun", "Tomasz", "Tendai"];
export const SURNAMES = ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Johnson", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Clarke", "Jackson", "Okafor", "Patel", "Nowak", "Moyo", "Santos", "Kelly"];

export const STREETS = ["High Street", "Church Road", "Station Road", "Victoria Road", "Albert Road", "Mersey Road", "Moor Lane", "Park Road", "Liverpool Road", "Birchfield Road"];

export interface WorkplaceTemplate {
  kind: "home_care" | "residential" | "nursing" | "supported_living" | "day_services";
  mainService: number;
  label: string;
  size: [number, number];
  capacity?: [number, number];
}

export const TEMPLATES: Record<WorkplaceTemplate["kind"], WorkplaceTemplate> = {
  home_care: { kind: "home_care", mainService: 8, label: "Home Care", size: [50, 78] },
  residential: { kind: "residential", mainService: 2, label: "Care Home", size: [34, 60], capacity: [28, 60] },
  nursing: { kind: "nursing", mainService: 1, label: "Nursing Home", size: [56, 88], capacity: [40, 80] },
  supported_living: { kind: "supported_living", mainService: 55, label: "Supported Living", size: [20, 42] },
  day_services: { kind: "day_services", mainService: 6, label: "Day Services", size: [20, 30], capacity: [30, 60] },
};

/** Main job roles by kind of service, with weights (ASC-WDS MAINJOBROLE codes). */
export const ROLE_MIX: Record<WorkplaceTemplate["kind"], [number, number][]> = {
  home_care: [[8, 72], [7, 9], [40, 4], [5, 3], [25, 3], [45, 3], [24, 1]],
  residential: [[8, 58], [7, 13], [26, 14], [34, 3], [25, 2], [45, 4], [5, 2]],
  nursing: [[8, 46], [7, 10], [16, 13], [37, 3], [26, 14], [34, 3], [25, 2], [45, 3]],
  supported_living: [[52, 74], [7, 6], [45, 8], [5, 4], [25, 2], [9, 4]],
  day_services: [[52, 48], [9, 20], [34, 12], [45, 8], [26, 6], [25, 4]],
};
