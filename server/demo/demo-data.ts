import type { PersonCategory, Role, UnitKind, Wing } from '../../common/enums.ts';

/**
 * The demo organisation, modelled on the seeds: the central level, Hà Nội with the Long Biên
 * district level (dissolved on 01/07/2025, its wards moved up to the city), Tây Ninh and Long An
 * (merged into the new Tây Ninh on 01/07/2025), Ninh Thuận and Khánh Hòa (merged into the new
 * Khánh Hòa), and Lạng Sơn with the Sở Ngoại vụ youth chapter.
 */
export type DemoUnit = {
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  wing?: Wing;
  address?: string;
  phone?: string;
  email?: string;
  children?: DemoUnit[];
};

/** Before the 2025 restructuring; everything is established on 01/01/2020. */
export const DEMO_ESTABLISHED_ON = '2020-01-01';
export const DEMO_RESTRUCTURE_ON = '2025-07-01';

const chapters = (prefix: string, names: string[]): DemoUnit[] =>
  names.map((name, i) => ({
    code: `${prefix}-CD${String(i + 1).padStart(2, '0')}`,
    name: `Chi đoàn ${name}`,
    shortName: `CĐ ${name}`,
    kind: 'chapter',
  }));

export const DEMO_TREE: DemoUnit = {
  code: 'TWD',
  name: 'Trung ương Đoàn TNCS Hồ Chí Minh',
  shortName: 'Trung ương Đoàn',
  kind: 'central',
  address: '62 Bà Triệu, Hoàn Kiếm, Hà Nội',
  email: 'tuyengiaotwd@gmail.com',
  children: [
    {
      code: 'HNI',
      name: 'Thành đoàn Hà Nội',
      shortName: 'Thành đoàn Hà Nội',
      kind: 'province',
      address: '8 Hàng Trống, Hoàn Kiếm, Hà Nội',
      children: [
        {
          code: 'HNI-LB',
          name: 'Quận đoàn Long Biên',
          shortName: 'QĐ Long Biên',
          kind: 'district',
          address: 'Số 1 Vạn Hạnh, Việt Hưng, Long Biên, Hà Nội',
          children: [
            {
              code: 'HNI-LB-BD',
              name: 'Đoàn phường Bồ Đề',
              shortName: 'Đoàn phường Bồ Đề',
              kind: 'grassroots',
              children: chapters('HNI-LB-BD', [
                'Tổ dân phố 1',
                'Tổ dân phố 5',
                'Trường THCS Bồ Đề',
              ]),
            },
            {
              code: 'HNI-LB-VH',
              name: 'Đoàn phường Việt Hưng',
              shortName: 'Đoàn phường Việt Hưng',
              kind: 'grassroots',
              children: chapters('HNI-LB-VH', ['Khu đô thị Việt Hưng', 'Tổ dân phố 9']),
            },
            {
              code: 'HNI-LB-PL',
              name: 'Đoàn phường Phúc Lợi',
              shortName: 'Đoàn phường Phúc Lợi',
              kind: 'grassroots',
              children: chapters('HNI-LB-PL', ['Tổ dân phố 3']),
            },
          ],
        },
        {
          code: 'HNI-CVA',
          name: 'Đoàn trường THPT Chu Văn An',
          shortName: 'Đoàn trường Chu Văn An',
          kind: 'grassroots',
          children: chapters('HNI-CVA', ['Lớp 10A1', 'Lớp 11A2', 'Lớp 12 Chuyên Văn']),
        },
        {
          code: 'HNI-HOI',
          name: 'Hội Liên hiệp Thanh niên Việt Nam thành phố Hà Nội',
          shortName: 'Hội LHTN Hà Nội',
          kind: 'other',
          wing: 'hoi',
        },
      ],
    },
    {
      code: 'TNI',
      name: 'Tỉnh đoàn Tây Ninh',
      shortName: 'Tỉnh đoàn Tây Ninh',
      kind: 'province',
      address: '300 đường 30/4, phường 3, thành phố Tây Ninh',
      children: [
        {
          code: 'TNI-HT',
          name: 'Thị đoàn Hòa Thành',
          shortName: 'Thị đoàn Hòa Thành',
          kind: 'district',
          children: [
            {
              code: 'TNI-HT-LTT',
              name: 'Đoàn phường Long Thành Trung',
              shortName: 'Đoàn phường Long Thành Trung',
              kind: 'grassroots',
              children: chapters('TNI-HT-LTT', ['Khu phố Long Mỹ', 'Khu phố Long Trung']),
            },
          ],
        },
        {
          code: 'TNI-GD',
          name: 'Huyện đoàn Gò Dầu',
          shortName: 'Huyện đoàn Gò Dầu',
          kind: 'district',
          children: [
            {
              code: 'TNI-GD-PD',
              name: 'Đoàn xã Phước Đông',
              shortName: 'Đoàn xã Phước Đông',
              kind: 'grassroots',
              children: chapters('TNI-GD-PD', ['Ấp Phước Đức A', 'Ấp Rạch Sẹo']),
            },
          ],
        },
        {
          code: 'TNI-DOI',
          name: 'Hội đồng Đội tỉnh Tây Ninh',
          shortName: 'Hội đồng Đội tỉnh',
          kind: 'other',
          wing: 'doi',
        },
      ],
    },
    {
      code: 'LAN',
      name: 'Tỉnh đoàn Long An',
      shortName: 'Tỉnh đoàn Long An',
      kind: 'province',
      address: '03 Võ Văn Tần, phường 2, thành phố Tân An, Long An',
      children: [
        {
          code: 'LAN-DH',
          name: 'Huyện đoàn Đức Hòa',
          shortName: 'Huyện đoàn Đức Hòa',
          kind: 'district',
          children: [
            {
              code: 'LAN-DH-HN',
              name: 'Đoàn thị trấn Hậu Nghĩa',
              shortName: 'Đoàn TT Hậu Nghĩa',
              kind: 'grassroots',
              children: chapters('LAN-DH-HN', ['Khu phố 1', 'Khu phố 4']),
            },
          ],
        },
        {
          code: 'LAN-KCQ',
          name: 'Đoàn Khối các cơ quan tỉnh Long An',
          shortName: 'Đoàn Khối CQ Long An',
          kind: 'affiliated',
          children: chapters('LAN-KCQ', ['Sở Y tế', 'Sở Giáo dục và Đào tạo']),
        },
      ],
    },
    {
      code: 'NTN',
      name: 'Tỉnh đoàn Ninh Thuận',
      shortName: 'Tỉnh đoàn Ninh Thuận',
      kind: 'province',
      address: 'Số 25 đường 21/8, phường Phủ Hà, thành phố Phan Rang – Tháp Chàm',
      children: [
        {
          code: 'NTN-PR',
          name: 'Đoàn phường Phủ Hà',
          shortName: 'Đoàn phường Phủ Hà',
          kind: 'grassroots',
          children: chapters('NTN-PR', ['Khu phố 2']),
        },
      ],
    },
    {
      code: 'KHA',
      name: 'Tỉnh đoàn Khánh Hòa',
      shortName: 'Tỉnh đoàn Khánh Hòa',
      kind: 'province',
      children: [
        {
          code: 'KHA-NT',
          name: 'Đoàn phường Nha Trang',
          shortName: 'Đoàn phường Nha Trang',
          kind: 'grassroots',
        },
      ],
    },
    {
      code: 'LSN',
      name: 'Tỉnh đoàn Lạng Sơn',
      shortName: 'Tỉnh đoàn Lạng Sơn',
      kind: 'province',
      children: [
        {
          code: 'LSN-KCQ',
          name: 'Đoàn Khối các cơ quan tỉnh Lạng Sơn',
          shortName: 'Đoàn Khối CQ Lạng Sơn',
          kind: 'affiliated',
          children: chapters('LSN-KCQ', ['Sở Ngoại vụ', 'Sở Tư pháp']),
        },
      ],
    },
  ],
};

/** The 2025 restructuring, applied on DEMO_RESTRUCTURE_ON in this order. */
export const DEMO_MERGES = [
  {
    sources: ['TNI', 'LAN'],
    target: {
      code: 'TNI-2025',
      name: 'Tỉnh đoàn Tây Ninh',
      shortName: 'Tỉnh đoàn Tây Ninh',
      kind: 'province' as const,
    },
    reason: 'Hợp nhất tỉnh Tây Ninh và tỉnh Long An theo Nghị quyết số 202/2025/QH15 của Quốc hội.',
  },
  {
    sources: ['KHA', 'NTN'],
    target: {
      code: 'KHA-2025',
      name: 'Tỉnh đoàn Khánh Hòa',
      shortName: 'Tỉnh đoàn Khánh Hòa',
      kind: 'province' as const,
    },
    reason:
      'Hợp nhất tỉnh Khánh Hòa và tỉnh Ninh Thuận theo Nghị quyết số 202/2025/QH15 của Quốc hội.',
  },
];

export const DEMO_DISSOLUTIONS = [
  {
    unit: 'HNI-LB',
    successor: 'HNI',
    reason:
      'Kết thúc hoạt động cấp huyện từ 01/07/2025; các cơ sở Đoàn trực thuộc Thành đoàn Hà Nội.',
  },
];

export type DemoAccount = {
  username: string;
  password: string;
  displayName: string;
  unitCode: string;
  role: Role;
  description: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    password: 'PhuXanh@2025',
    displayName: 'Ban Tuyên giáo Trung ương Đoàn',
    unitCode: 'TWD',
    role: 'admin',
    description: 'Quản trị toàn hệ thống (Trung ương Đoàn)',
  },
  {
    username: 'tayninh',
    password: 'TayNinh@2025',
    displayName: 'Ban Tuyên giáo Tỉnh đoàn Tây Ninh',
    unitCode: 'TNI-2025',
    role: 'admin',
    description: 'Quản trị Tỉnh đoàn Tây Ninh (sau hợp nhất)',
  },
  {
    username: 'hanoi',
    password: 'HaNoi@2025',
    displayName: 'Văn phòng Thành đoàn Hà Nội',
    unitCode: 'HNI',
    role: 'editor',
    description: 'Biên tập Thành đoàn Hà Nội',
  },
  {
    username: 'bode',
    password: 'BoDe@2025!',
    displayName: 'Bí thư Đoàn phường Bồ Đề',
    unitCode: 'HNI-LB-BD',
    role: 'viewer',
    description: 'Chỉ xem Đoàn phường Bồ Đề',
  },
];

export type DemoPerson = {
  unitCode: string;
  fullName: string;
  category: PersonCategory;
  gender: 'male' | 'female';
  birthDate: string;
  joinDate?: string;
  isFullTime?: boolean;
  phone?: string;
};

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
];
const MALE = [
  'Văn An',
  'Minh Đức',
  'Hữu Phúc',
  'Quốc Bảo',
  'Thanh Tùng',
  'Đức Anh',
  'Gia Huy',
  'Minh Khôi',
];
const FEMALE = [
  'Thị Thảo',
  'Ngọc Anh',
  'Thu Hà',
  'Thanh Hương',
  'Minh Châu',
  'Bảo Ngọc',
  'Khánh Linh',
  'Thị Mai',
];
const PEOPLE_UNITS = [
  'HNI',
  'HNI-LB-BD',
  'HNI-LB-VH',
  'HNI-CVA',
  'TNI',
  'TNI-HT-LTT',
  'LAN-DH-HN',
  'LSN-KCQ-CD01',
  'NTN-PR',
];
const CATEGORIES: PersonCategory[] = [
  'cadre',
  'member',
  'member',
  'member',
  'youth',
  'teen',
  'child',
];

/** Deterministic demo people: a handful per unit, every category, some minors. */
export function demoPeople(): DemoPerson[] {
  const result: DemoPerson[] = [];
  let n = 0;
  for (const unitCode of PEOPLE_UNITS) {
    for (let i = 0; i < 7; i++, n++) {
      const category = CATEGORIES[i % CATEGORIES.length]!;
      const gender = n % 2 === 0 ? 'male' : 'female';
      const given = (gender === 'male' ? MALE : FEMALE)[n % 8]!;
      const age = { cadre: 30, member: 22, youth: 27, teen: 14, child: 9 }[category] + (n % 4);
      const birthDate = `${2025 - age}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
      result.push({
        unitCode,
        fullName: `${FAMILY[n % FAMILY.length]} ${given}`,
        category,
        gender,
        birthDate,
        ...(category === 'member' ? { joinDate: `${2025 - (n % 3)}-03-26` } : {}),
        ...(category === 'cadre' ? { isFullTime: n % 2 === 0 } : {}),
        phone: `09${String(12345600 + n).padStart(8, '0')}`,
      });
    }
  }
  return result;
}
