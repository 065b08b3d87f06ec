/**
 * Value pools of the synthetic corpus. The name pools are deliberately not the detector's lexicon:
 * about half the names are outside `data/names.v1.json` (non-US names, rarer surnames), so the
 * benchmark measures the cue rules too, not a lookup of the list it was built from.
 */

export const GIVEN_NAMES: readonly string[] = [
  // common US given names (most are in the lexicon)
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy',
  'Anthony', 'Sandra', 'Mark', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Joshua', 'Michelle', 'Kevin', 'Amanda',
  'Brian', 'Melissa', 'Timothy', 'Rebecca', 'Jason', 'Laura', 'Ryan', 'Megan', 'Gary', 'Heather', 'Eric', 'Rachel',
  'Jacob', 'Samantha', 'Tyler', 'Brittany', 'Kyle', 'Danielle', 'Dustin', 'Tiffany', 'Caleb', 'Chelsea', 'Trevor', 'Kelsey',
  // names outside the lexicon (or absent from US census top lists)
  'Oluwaseun', 'Chidi', 'Ngozi', 'Adaeze', 'Priya', 'Arjun', 'Ananya', 'Vikram', 'Wei', 'Xiaoming', 'Yuki', 'Haruto',
  'Siobhan', 'Niamh', 'Saoirse', 'Bartosz', 'Łukasz', 'Zoë', 'Søren', 'Björn', 'Giulia', 'Matteo', 'Thandiwe', 'Kwame',
  'Ayodele', 'Farhan', 'Aisha', 'Fatima', 'Mehmet', 'Elif', 'Dmitri', 'Svetlana', 'Anastasiya', 'Mateus', 'João', 'Inês',
  'Camila', 'Valentina', 'Santiago', 'Ximena', 'Hiroshi', 'Minh', 'Thuy', 'Tendai', 'Nomvula', 'Yaw', 'Efua', 'Kofi',
  'Anouk', 'Sven', 'Ingrid', 'Katarzyna', 'Radek', 'Zsófia', 'Bogdan', 'Oksana', 'Tariq', 'Yasmin', 'Reza', 'Shirin',
];

export const SURNAMES: readonly string[] = [
  // common US surnames
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Gallagher', 'Kowalski', 'Schneider', 'Fischer', 'Novak', 'Murphy', 'Kelly', 'Sullivan',
  // surnames outside the lexicon
  'Okafor', 'Adeyemi', 'Nwosu', 'Eze', 'Chatterjee', 'Raghunathan', 'Venkataraman', 'Zhang', 'Xu', 'Takahashi',
  'Nakamura', 'Ó Súilleabháin', 'Kowalczyk', 'Wiśniewski', 'Sørensen', 'Lindqvist', 'Bianchi', 'Esposito', 'Mbeki',
  'Dlamini', 'Mensah', 'Boateng', 'Hosseini', 'Rahimi', 'Yılmaz', 'Demir', 'Ivanova', 'Kuznetsov', 'Gonçalves',
  'Quispe', 'Mamani', 'Tanaka', 'Pham', 'Oyelaran', 'Chukwuemeka', 'Abernathy-Okoro', 'Van der Berg', 'Ferreira',
  'Haddad', 'Nasser', 'Szabó', 'Horváth', 'Dvořák', 'Petrenko', 'Shevchenko', 'Mukherjee', 'Iyer', 'Banerjee',
];

export const CORPORATE_DOMAINS: readonly string[] = [
  'contoso.com', 'fabrikam.com', 'globex-industries.com', 'initech.net', 'umbrella-health.org', 'stark-logistics.com',
  'northwind-traders.com', 'wayne-enterprises.net', 'tyrell-corp.com', 'cyberdyne-systems.io', 'acme-water.gov',
  'riverside-clinic.org', 'pinecrest-schools.edu', 'midwest-credit-union.com',
];

export const FREE_MAIL_DOMAINS: readonly string[] = ['gmail.com', 'outlook.com', 'yahoo.com', 'protonmail.com', 'hotmail.com', 'icloud.com', 'gmx.de', 'mail.ru'];

export const ACTOR_DOMAINS: readonly string[] = [
  'secure-login-update.com', 'microsoft-office365-verify.net', 'invoice-docs-share.top', 'dhl-parcel-track.info',
  'payroll-portal-hr.xyz', 'cdn-static-assets.ru', 'update-flashplayer.cc', 'docusign-review.online', 'bank-secure-alert.biz',
  'teams-meeting-join.live', 'okta-sso-verify.app', 'wetransfer-files.site',
];

export const STREET_NAMES: readonly string[] = [
  'Maple', 'Oak', 'Pine', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Main', 'Sunset', 'Lincoln', 'Jefferson',
  'Highland', 'Riverside', 'Willow', 'Chestnut', 'Spring', 'Meadow', 'Forest', 'Baker', 'Church', 'Mill', 'Franklin',
];

export const STREET_SUFFIXES: readonly string[] = ['St', 'Street', 'Ave', 'Avenue', 'Rd', 'Road', 'Blvd', 'Drive', 'Lane', 'Way', 'Court', 'Place', 'Terrace'];

export const CITIES: readonly string[] = ['Springfield, IL 62704', 'Austin, TX 78701', 'Columbus, OH 43215', 'Portland, OR 97205', 'Raleigh, NC 27601', 'Tucson, AZ 85701'];

export const MALWARE: readonly string[] = [
  'Emotet', 'TrickBot', 'QakBot', 'IcedID', 'Dridex', 'Agent Tesla', 'AsyncRAT', 'Remcos', 'Cobalt Strike', 'Mimikatz',
  'BloodHound', 'Sliver', 'Brute Ratel', 'RedLine Stealer', 'Lumma Stealer', 'Formbook', 'LokiBot', 'PlugX', 'ShadowPad',
  'SocGholish', 'GootLoader', 'Bumblebee', 'Pikabot', 'DarkGate', 'Latrodectus', 'SystemBC', 'NetWire', 'Raccoon Stealer',
];

export const THREAT_ACTORS: readonly string[] = [
  'Fancy Bear', 'Cozy Bear', 'Lazarus Group', 'Wizard Spider', 'Scattered Spider', 'Sandworm Team', 'Charming Kitten',
  'Mustang Panda', 'Volt Typhoon', 'Midnight Blizzard', 'Evil Corp', 'FIN7', 'TA505', 'APT29', 'APT41', 'Kimsuky', 'Turla',
  'MuddyWater', 'OilRig', 'Gamaredon Group', 'Equation Group', 'Salt Typhoon', 'Star Blizzard', 'Octo Tempest',
];

export const TECHNIQUES: readonly (readonly [string, string])[] = [
  ['T1566.001', 'Spearphishing Attachment'],
  ['T1566.002', 'Spearphishing Link'],
  ['T1059.001', 'PowerShell'],
  ['T1053.005', 'Scheduled Task'],
  ['T1078', 'Valid Accounts'],
  ['T1110.003', 'Password Spraying'],
  ['T1003.001', 'LSASS Memory'],
  ['T1021.001', 'Remote Desktop Protocol'],
  ['T1547.001', 'Registry Run Keys / Startup Folder'],
  ['T1055', 'Process Injection'],
  ['T1574.002', 'DLL Side-Loading'],
  ['T1486', 'Data Encrypted for Impact'],
  ['T1490', 'Inhibit System Recovery'],
  ['T1071.001', 'Web Protocols'],
  ['T1105', 'Ingress Tool Transfer'],
  ['T1027', 'Obfuscated Files or Information'],
  ['T1218.011', 'Rundll32'],
  ['T1558.003', 'Kerberoasting'],
  ['T1550.002', 'Pass the Hash'],
  ['T1190', 'Exploit Public-Facing Application'],
  ['T1133', 'External Remote Services'],
  ['T1621', 'Multi-Factor Authentication Request Generation'],
];

export const PRODUCTS: readonly string[] = [
  'Microsoft Exchange', 'Ivanti Connect Secure', 'Fortinet FortiOS', 'Citrix NetScaler', 'VMware ESXi', 'MOVEit Transfer',
  'Atlassian Confluence', 'Apache Log4j', 'Cisco IOS XE', 'Palo Alto GlobalProtect', 'SonicWall SMA', 'Progress Telerik',
];

export const SECTORS: readonly string[] = ['financial-services', 'healthcare', 'energy', 'government-national', 'education', 'manufacturing', 'telecommunications', 'water'];

export const SYSTEM_FILES: readonly string[] = [
  'C:\\Windows\\System32\\rundll32.exe', 'C:\\Windows\\System32\\svchost.exe', 'C:\\Windows\\SysWOW64\\regsvr32.exe',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp\\update.lnk',
  'C:\\Windows\\Temp\\msupd.dll', 'C:\\Users\\Public\\Documents\\sync.ps1', '/tmp/.X11-unix/kworker', '/var/tmp/.cache/xmrig',
  '/home/ubuntu/.ssh/authorized_keys', '/etc/cron.d/sysupdate', 'C:\\Users\\Default\\AppData\\Local\\Temp\\setup.exe',
];
