/**
 * The demo accounts of API.md, with fixed ids, so every subgraph can seed its own demo data
 * for them (the customer's balance, the agent's teams, the seller's coupons) without reading
 * the users database. Seeded only outside production.
 */
export const DEMO_ACCOUNTS = {
  customer: {
    id: '64656d6f0000000000000001',
    email: 'customer@demo.shop',
    name: 'Demo Customer',
    role: 'CUSTOMER',
  },
  agent: {
    id: '64656d6f0000000000000002',
    email: 'agent@demo.shop',
    name: 'Demo Agent',
    role: 'AGENT',
  },
  admin: {
    id: '64656d6f0000000000000003',
    email: 'admin@demo.shop',
    name: 'Demo Admin',
    role: 'ADMIN',
  },
  seller: {
    id: '64656d6f0000000000000004',
    email: 'seller@demo.shop',
    name: 'Demo Seller',
    role: 'SELLER',
  },
  partner: {
    id: '64656d6f0000000000000005',
    email: 'partner@demo.shop',
    name: 'Demo Partner',
    role: 'PARTNER',
  },
} as const;

/** The password of every demo account (API.md). */
export const DEMO_PASSWORD = 'Demo-pass-1234!';
