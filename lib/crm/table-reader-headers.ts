/**
 * Column header texts the header-based table reader recognises, per field, in English, Vietnamese,
 * German, French, Spanish, Portuguese and Japanese. Compared after `normalizeHeader` (case, accents,
 * punctuation, "(GMT+7)"-style suffixes and sort hints dropped), so each is written once as users
 * read it. Within a field the list is in priority order: when two columns match, the earlier wins
 * ("Deal name" over "Name").
 */

export const TABLE_FIELDS = [
  'name',
  'amount',
  'stage',
  'status',
  'owner',
  'closeDate',
  'createdDate',
  'source',
  'company',
  'email',
] as const;

export type TableField = (typeof TABLE_FIELDS)[number];

export const HEADER_SYNONYMS: Record<TableField, readonly string[]> = {
  name: [
    // en
    'Deal name',
    'Opportunity name',
    'Lead name',
    'Contact name',
    'Full name',
    'Record name',
    'Name',
    // vi
    'Tên cơ hội',
    'Tên giao dịch',
    'Tên tiềm năng',
    'Tên liên hệ',
    'Tên khách hàng',
    'Họ và tên',
    'Họ tên',
    'Tên',
    // de
    'Opportunity-Name',
    'Deal-Name',
    'Vollständiger Name',
    // fr
    "Nom de l'opportunité",
    "Nom de l'affaire",
    'Nom de la piste',
    'Nom complet',
    'Nom',
    // es
    'Nombre de la oportunidad',
    'Nombre del trato',
    'Nombre del candidato',
    'Nombre completo',
    'Nombre',
    // pt
    'Nome da oportunidade',
    'Nome do negócio',
    'Nome do lead',
    'Nome completo',
    'Nome',
    // ja
    '商談名',
    '取引名',
    'リード名',
    '取引先責任者名',
    '氏名',
    '名前',
  ],
  amount: [
    'Amount',
    'Deal amount',
    'Deal value',
    'Value',
    'Revenue',
    'Số tiền',
    'Giá trị',
    'Doanh thu',
    'Betrag',
    'Wert',
    'Umsatz',
    'Montant',
    'Valeur',
    'Importe',
    'Monto',
    'Valor',
    'Montante',
    '金額',
    '売上',
  ],
  stage: [
    'Deal stage',
    'Pipeline stage',
    'Lifecycle stage',
    'Stage',
    'Giai đoạn',
    'Giai đoạn vòng đời',
    'Phase',
    'Stufe',
    'Étape',
    'Etapa',
    'Fase',
    'Estágio',
    'フェーズ',
    'ステージ',
    '段階',
  ],
  status: [
    'Lead status',
    'Status',
    'Trạng thái tiềm năng',
    'Trạng thái',
    'Lead-Status',
    'Statut de la piste',
    'Statut',
    'Estado del candidato',
    'Estado',
    'Status do lead',
    'Situação',
    'リード状況',
    'ステータス',
    '状況',
  ],
  owner: [
    'Deal owner',
    'Opportunity owner',
    'Lead owner',
    'Contact owner',
    'Account owner',
    'Company owner',
    'Owner',
    'Assigned to',
    'Sales rep',
    'Chủ sở hữu cơ hội',
    'Chủ sở hữu giao dịch',
    'Chủ sở hữu tiềm năng',
    'Chủ sở hữu liên hệ',
    'Chủ sở hữu',
    'Người phụ trách',
    'Nhân viên phụ trách',
    'Inhaber',
    'Besitzer',
    'Verantwortlich',
    'Propriétaire',
    'Responsable',
    'Propietario',
    'Asignado a',
    'Proprietário',
    'Responsável',
    '所有者',
    '担当者',
  ],
  closeDate: [
    'Close date',
    'Closing date',
    'Expected close date',
    'Ngày chốt',
    'Ngày đóng',
    'Abschlussdatum',
    'Date de clôture',
    'Fecha de cierre',
    'Data de fechamento',
    '完了予定日',
    'クローズ日',
  ],
  createdDate: [
    'Create date',
    'Created date',
    'Created time',
    'Date created',
    'Created',
    'Ngày tạo',
    'Thời gian tạo',
    'Erstellungsdatum',
    'Erstellt am',
    'Date de création',
    'Créé le',
    'Fecha de creación',
    'Data de criação',
    'Criado em',
    '作成日',
    '作成日時',
  ],
  source: [
    'Lead source',
    'Original source',
    'Source channel',
    'Source',
    'Channel',
    'Nguồn tiềm năng',
    'Nguồn',
    'Kênh',
    'Lead-Quelle',
    'Quelle',
    'Kanal',
    'Origine de la piste',
    'Origine',
    'Canal',
    'Origen del candidato',
    'Origen',
    'Fuente',
    'Origem do lead',
    'Origem',
    'Fonte',
    'リードソース',
    'ソース',
    '流入元',
  ],
  company: [
    'Company',
    'Company name',
    'Account name',
    'Account',
    'Organization',
    'Organisation',
    'Công ty',
    'Tên tài khoản',
    'Tổ chức',
    'Firma',
    'Unternehmen',
    'Accountname',
    'Société',
    'Entreprise',
    'Nom du compte',
    'Empresa',
    'Compañía',
    'Nombre de la cuenta',
    'Cuenta',
    'Organización',
    'Nome da conta',
    'Conta',
    'Organização',
    '会社名',
    '取引先名',
    '組織',
  ],
  email: [
    'Email',
    'E-mail',
    'Email address',
    'Địa chỉ email',
    'Correo electrónico',
    'メール',
    'メールアドレス',
  ],
};

/**
 * A header's text reduced to what identifies it: lower case, no accents (đ as d), no "(GMT+7)" or
 * "Sort by:" decorations, no punctuation. Japanese keeps its characters (NFKC folds widths).
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|（.*?）/g, ' ')
    .replace(/^(?:sort(?:ed)? by|sắp xếp theo)\s*:?/, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Normalized synonym → [field, priority]; built on the first header looked up, not when the content
 * script loads: the header reader only runs when a built-in adapter reads nothing, and normalizing
 * every synonym cost about 1.5 ms of each CRM page's first pass (issue 17, item 8).
 */
let lookup: ReadonlyMap<string, { field: TableField; priority: number }> | null = null;

function synonymLookup(): ReadonlyMap<string, { field: TableField; priority: number }> {
  if (lookup) return lookup;
  const map = new Map<string, { field: TableField; priority: number }>();
  for (const field of TABLE_FIELDS) {
    HEADER_SYNONYMS[field].forEach((synonym, priority) => {
      const key = normalizeHeader(synonym);
      // A word in two lists (German "Phase", Portuguese "Status") belongs to the first field listed.
      if (!map.has(key)) map.set(key, { field, priority });
    });
  }
  lookup = map;
  return map;
}

/** The field a header names, with its priority within the field (lower is better), or null. */
export function fieldForHeader(text: string): { field: TableField; priority: number } | null {
  const key = normalizeHeader(text);
  return key ? (synonymLookup().get(key) ?? null) : null;
}
