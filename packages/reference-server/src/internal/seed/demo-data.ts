/** The vocabulary of the demo data set: names, places and services of a field-service business. */

export const firstNames = [
  'Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia',
  'Tim', 'Hedy', 'John', 'Joan', 'Donald', 'Shafi', 'Niklaus', 'Sophie', 'Guido', 'Carol', 'Bjarne', 'Lynn', 'James',
  'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda', 'William', 'Elizabeth', 'Richard', 'Susan',
  'Joseph', 'Jessica', 'Thomas', 'Sarah',
] as const

export const lastNames = [
  'Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra',
  'Perlman', 'Berners-Lee', 'Lamarr', 'McCarthy', 'Clarke', 'Knuth', 'Goldwasser', 'Wirth', 'Wilson', 'van Rossum',
  'Shaw', 'Stroustrup', 'Conway', 'Gosling', 'Keller', 'Smith', 'Brown', 'Garcia', 'Miller', 'Davis', 'Martinez',
  'Lopez', 'Gonzalez', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
] as const

export const companies = [
  'Harbor Cafe', 'Maple Dental', 'Northside Gym', 'Bluebird Bakery', 'Summit Realty', 'Cedar Law Group', 'Riverside Motel',
  'Oak Street Pharmacy', 'Lighthouse Books', 'Pinecrest Apartments', 'Sunrise Daycare', 'Golden Gate Florist',
] as const

export const cities = [
  { city: 'Springfield', region: 'IL', postal_code: '62701' },
  { city: 'Arlington', region: 'VA', postal_code: '22201' },
  { city: 'Madison', region: 'WI', postal_code: '53703' },
  { city: 'Austin', region: 'TX', postal_code: '78701' },
  { city: 'Portland', region: 'OR', postal_code: '97205' },
  { city: 'Denver', region: 'CO', postal_code: '80202' },
  { city: 'Raleigh', region: 'NC', postal_code: '27601' },
  { city: 'Boise', region: 'ID', postal_code: '83702' },
] as const

export const streets = ['Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Harbor Way', 'Elm St', 'Pine Rd', 'Lakeview Blvd', 'Hill St', 'Park Ave'] as const

export const tags = ['residential', 'commercial', 'vip', 'repeat', 'referral', 'newsletter'] as const

/** The services offered, with a typical price in cents. */
export const services = [
  { name: 'Gutter cleaning', price: 18_000 },
  { name: 'Window cleaning', price: 12_000 },
  { name: 'Carpet cleaning', price: 15_000 },
  { name: 'Lawn mowing', price: 6_000 },
  { name: 'Pest control', price: 22_000 },
  { name: 'Plumbing repair', price: 25_000 },
  { name: 'Electrical inspection', price: 19_000 },
  { name: 'HVAC service', price: 28_000 },
  { name: 'Deep clean', price: 30_000 },
  { name: 'Pressure washing', price: 16_000 },
] as const

export const staff = [
  { name: 'Morgan Blake', role: 'admin' },
  { name: 'Priya Nair', role: 'admin' },
  { name: 'Daniel Okafor', role: 'manager' },
  { name: 'Elena Petrova', role: 'manager' },
  { name: 'Chris Walker', role: 'dispatcher' },
  { name: 'Aisha Rahman', role: 'dispatcher' },
  { name: 'Tom Becker', role: 'dispatcher' },
  { name: 'Sam Rivera', role: 'fieldworker' },
  { name: 'Jordan Kim', role: 'fieldworker' },
  { name: 'Luis Herrera', role: 'fieldworker' },
  { name: 'Mei Chen', role: 'fieldworker' },
  { name: 'Noah Schmidt', role: 'fieldworker' },
  { name: 'Olivia Brown', role: 'fieldworker' },
  { name: 'Kwame Mensah', role: 'fieldworker' },
  { name: 'Hannah Fischer', role: 'fieldworker' },
  { name: 'Ivan Novak', role: 'fieldworker' },
  { name: 'Rachel Green', role: 'sales' },
  { name: 'Marcus Lee', role: 'sales' },
  { name: 'Fatima Zahra', role: 'accountant' },
  { name: 'George Ellis', role: 'accountant' },
] as const

export const complaintSubjects = [
  { subject: 'Arrived late', description: 'The crew arrived well after the booked window.' },
  { subject: 'Job not finished', description: 'Part of the work was left undone.' },
  { subject: 'Damage to property', description: 'A fence panel was damaged during the visit.' },
  { subject: 'Billing question', description: 'The invoice does not match the quote.' },
  { subject: 'Mess left behind', description: 'Debris was left on the driveway.' },
] as const

export const messages = [
  'Running 10 min late?', 'Can we move to Thursday?', 'Thanks, all done!', 'Is the invoice ready?', 'Please call me back.',
  'Gate code is 4412.', 'Can you send the quote again?',
] as const
