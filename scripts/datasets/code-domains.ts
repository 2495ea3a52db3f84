/**
 * Small business domains the code requests are set in. Each gives table and column names, so
 * generated snippets differ in their identifiers and not only in their comments.
 */
export interface CodeDomain {
  /** Where the user works: "our library catalogue". */
  app: string;
  thing: string;
  things: string;
  table: string;
  /** The column users look rows up by, then two more columns. */
  key: string;
  cols: readonly [string, string];
  /** A folder of files belonging to this domain. */
  folder: string;
  fileKind: string;
}

export const CODE_DOMAINS: readonly CodeDomain[] = [
  { app: "our library catalogue", thing: "book", things: "books", table: "books", key: "author", cols: ["title", "isbn"], folder: "covers", fileKind: "cover image" },
  { app: "a small CRM for our sales team", thing: "customer", things: "customers", table: "customers", key: "email", cols: ["full_name", "city"], folder: "contracts", fileKind: "signed contract" },
  { app: "my online shop", thing: "order", things: "orders", table: "orders", key: "customer_id", cols: ["order_ref", "total_pence"], folder: "receipts", fileKind: "receipt PDF" },
  { app: "our helpdesk", thing: "ticket", things: "tickets", table: "tickets", key: "status", cols: ["subject", "assignee"], folder: "attachments", fileKind: "ticket attachment" },
  { app: "a recipe site I run", thing: "recipe", things: "recipes", table: "recipes", key: "cuisine", cols: ["name", "prep_minutes"], folder: "recipe_photos", fileKind: "recipe photo" },
  { app: "the HR portal at work", thing: "employee", things: "employees", table: "employees", key: "department", cols: ["full_name", "start_date"], folder: "payslips", fileKind: "payslip" },
  { app: "our invoicing tool", thing: "invoice", things: "invoices", table: "invoices", key: "client", cols: ["invoice_no", "amount_due"], folder: "invoice_pdfs", fileKind: "invoice" },
  { app: "a home sensor dashboard", thing: "reading", things: "readings", table: "sensor_readings", key: "device_id", cols: ["recorded_at", "temperature_c"], folder: "exports", fileKind: "CSV export" },
  { app: "my music collection app", thing: "track", things: "tracks", table: "tracks", key: "artist", cols: ["title", "album"], folder: "audio", fileKind: "audio file" },
  { app: "the school's coursework system", thing: "student", things: "students", table: "students", key: "cohort", cols: ["name", "grade"], folder: "submissions", fileKind: "coursework submission" },
  { app: "a fleet tracker for our vans", thing: "vehicle", things: "vehicles", table: "vehicles", key: "plate", cols: ["model", "driver"], folder: "inspection_reports", fileKind: "inspection report" },
  { app: "a community events board", thing: "event", things: "events", table: "events", key: "venue", cols: ["title", "starts_at"], folder: "posters", fileKind: "event poster" },
  { app: "our product catalogue", thing: "product", things: "products", table: "products", key: "sku", cols: ["name", "price"], folder: "datasheets", fileKind: "datasheet" },
  { app: "a vet clinic booking system", thing: "pet", things: "pets", table: "pets", key: "owner_phone", cols: ["pet_name", "species"], folder: "vaccination_cards", fileKind: "vaccination card" },
  { app: "a small hotel's booking app", thing: "booking", things: "bookings", table: "bookings", key: "guest_name", cols: ["room_number", "check_in"], folder: "invoices", fileKind: "booking invoice" },
  { app: "a parcel tracking service", thing: "parcel", things: "parcels", table: "parcels", key: "tracking_code", cols: ["destination", "weight_kg"], folder: "labels", fileKind: "shipping label" },
  { app: "my to-do list app", thing: "task", things: "tasks", table: "tasks", key: "project", cols: ["title", "due_date"], folder: "task_files", fileKind: "task attachment" },
  { app: "our gym's membership system", thing: "member", things: "members", table: "members", key: "membership_type", cols: ["name", "joined_on"], folder: "waivers", fileKind: "signed waiver" },
  { app: "a garden centre stock tool", thing: "plant", things: "plants", table: "plants", key: "species", cols: ["pot_size", "stock_count"], folder: "care_sheets", fileKind: "care sheet" },
  { app: "the university course planner", thing: "course", things: "courses", table: "courses", key: "department", cols: ["course_code", "credits"], folder: "syllabi", fileKind: "syllabus" },
  { app: "a bike repair shop's job tracker", thing: "repair", things: "repairs", table: "repairs", key: "mechanic", cols: ["bike_model", "issue"], folder: "job_sheets", fileKind: "job sheet" },
  { app: "a volunteer rota for our charity", thing: "volunteer", things: "volunteers", table: "volunteers", key: "skill", cols: ["name", "phone"], folder: "dbs_checks", fileKind: "background check form" },
  { app: "our board game café's library", thing: "game", things: "games", table: "board_games", key: "shelf", cols: ["title", "max_players"], folder: "rulebooks", fileKind: "rulebook scan" },
  { app: "a blog engine I'm writing", thing: "post", things: "posts", table: "posts", key: "slug", cols: ["headline", "published_at"], folder: "drafts", fileKind: "markdown draft" },
  { app: "our procurement spreadsheet replacement", thing: "supplier", things: "suppliers", table: "suppliers", key: "country", cols: ["company", "contact_email"], folder: "quotes", fileKind: "supplier quote" },
  { app: "a restaurant reservation tool", thing: "reservation", things: "reservations", table: "reservations", key: "party_name", cols: ["party_size", "table_no"], folder: "menus", fileKind: "menu PDF" },
  { app: "the results site for our five-a-side league", thing: "match", things: "matches", table: "matches", key: "home_team", cols: ["away_team", "score"], folder: "match_reports", fileKind: "match report" },
  { app: "a photo studio's client gallery", thing: "shoot", things: "shoots", table: "photo_shoots", key: "client_name", cols: ["shoot_date", "package"], folder: "galleries", fileKind: "gallery zip" },
  { app: "our warehouse inventory scripts", thing: "item", things: "items", table: "inventory", key: "bin_location", cols: ["part_number", "quantity"], folder: "pick_lists", fileKind: "pick list" },
  { app: "a dental practice's recall list", thing: "appointment", things: "appointments", table: "appointments", key: "dentist", cols: ["patient_ref", "slot_time"], folder: "letters", fileKind: "recall letter" },
  { app: "a podcast hosting side project", thing: "episode", things: "episodes", table: "episodes", key: "show_slug", cols: ["episode_title", "duration_s"], folder: "transcripts", fileKind: "transcript" },
  { app: "an allotment society's plot register", thing: "plot", things: "plots", table: "plots", key: "holder", cols: ["plot_number", "rent_paid"], folder: "agreements", fileKind: "tenancy agreement" },
];

/** "customer_id" -> "customer id": how a column reads in prose. */
export function spoken(column: string): string {
  return column.replace(/_/g, " ");
}
