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
  { app: "a tyre fitter's booking page", thing: "fitting", things: "fittings", table: "tyre_fittings", key: "registration", cols: ["tyre_size", "fitted_on"], folder: "fitting_sheets", fileKind: "fitting sheet" },
  { app: "our choir's music library", thing: "score", things: "scores", table: "sheet_music", key: "composer", cols: ["title", "voicing"], folder: "score_pdfs", fileKind: "score PDF" },
  { app: "a dog grooming salon app", thing: "groom", things: "grooms", table: "grooming_visits", key: "dog_name", cols: ["breed", "visit_date"], folder: "before_after", fileKind: "grooming photo" },
  { app: "the library of tools at our makerspace", thing: "tool", things: "tools", table: "tools", key: "bay", cols: ["tool_name", "condition"], folder: "manuals", fileKind: "tool manual" },
  { app: "a cycling club's ride log", thing: "ride", things: "rides", table: "rides", key: "rider", cols: ["distance_km", "ridden_on"], folder: "gpx_files", fileKind: "GPX track" },
  { app: "a wedding planner's supplier list", thing: "vendor", things: "vendors", table: "vendors", key: "category", cols: ["business_name", "quote_total"], folder: "contracts", fileKind: "vendor contract" },
  { app: "a tutoring agency's session tracker", thing: "session", things: "sessions", table: "tutoring_sessions", key: "tutor", cols: ["student_name", "subject"], folder: "worksheets", fileKind: "worksheet" },
  { app: "a brewery's batch records", thing: "batch", things: "batches", table: "brew_batches", key: "recipe", cols: ["batch_code", "brewed_on"], folder: "lab_results", fileKind: "lab result" },
  { app: "a language school's enrolment system", thing: "enrolment", things: "enrolments", table: "enrolments", key: "language", cols: ["student_email", "level"], folder: "certificates", fileKind: "certificate" },
  { app: "the parish newsletter archive", thing: "newsletter", things: "newsletters", table: "newsletters", key: "issue_month", cols: ["headline", "editor"], folder: "pdf_issues", fileKind: "newsletter PDF" },
  { app: "a campsite booking tool", thing: "pitch", things: "pitches", table: "pitches", key: "pitch_type", cols: ["pitch_number", "nightly_rate"], folder: "site_maps", fileKind: "site map" },
  { app: "a removals firm's job planner", thing: "move", things: "moves", table: "removal_jobs", key: "postcode", cols: ["customer_name", "move_date"], folder: "inventories", fileKind: "room inventory" },
  { app: "a car-share club's fleet", thing: "car", things: "cars", table: "cars", key: "home_bay", cols: ["registration", "fuel_type"], folder: "damage_photos", fileKind: "damage photo" },
  { app: "our IT asset register", thing: "laptop", things: "laptops", table: "laptops", key: "assigned_to", cols: ["serial_number", "purchased_on"], folder: "asset_tags", fileKind: "asset tag" },
  { app: "a florist's order book", thing: "bouquet", things: "bouquets", table: "bouquet_orders", key: "delivery_date", cols: ["recipient", "message_card"], folder: "card_designs", fileKind: "card design" },
  { app: "a climbing wall's route setter log", thing: "route", things: "routes", table: "wall_routes", key: "wall_section", cols: ["grade", "setter"], folder: "route_photos", fileKind: "route photo" },
  { app: "a housing co-op's repairs log", thing: "job", things: "jobs", table: "repair_jobs", key: "flat_number", cols: ["fault", "reported_on"], folder: "repair_photos", fileKind: "repair photo" },
  { app: "a swimming club's lane bookings", thing: "lane", things: "lanes", table: "lane_bookings", key: "pool", cols: ["swimmer", "session_time"], folder: "timesheets", fileKind: "timesheet" },
  { app: "the estate agent's listings tool", thing: "listing", things: "listings", table: "listings", key: "area", cols: ["address", "asking_price"], folder: "floorplans", fileKind: "floorplan" },
  { app: "a food bank's stock records", thing: "donation", things: "donations", table: "donations", key: "donor", cols: ["food_type", "received_on"], folder: "delivery_notes", fileKind: "delivery note" },
  { app: "a theatre's ticketing system", thing: "ticket", things: "tickets", table: "tickets", key: "performance", cols: ["seat", "buyer_email"], folder: "seating_plans", fileKind: "seating plan" },
  { app: "a farm shop's egg and veg orders", thing: "box", things: "boxes", table: "veg_boxes", key: "round_name", cols: ["customer", "box_size"], folder: "route_sheets", fileKind: "route sheet" },
  { app: "a print shop's job queue", thing: "print", things: "prints", table: "print_jobs", key: "paper_type", cols: ["filename", "copies"], folder: "artwork", fileKind: "artwork file" },
  { app: "a school's lost property list", thing: "find", things: "finds", table: "lost_property", key: "found_in", cols: ["description", "found_on"], folder: "photos", fileKind: "photo" },
  { app: "a physio clinic's exercise plans", thing: "plan", things: "plans", table: "exercise_plans", key: "therapist", cols: ["patient_code", "start_date"], folder: "handouts", fileKind: "exercise handout" },
  { app: "our wine club's cellar list", thing: "wine", things: "wines", table: "cellar", key: "region", cols: ["label", "vintage"], folder: "tasting_notes", fileKind: "tasting note" },
  { app: "a driving school's lesson diary", thing: "lesson", things: "lessons", table: "lessons", key: "instructor", cols: ["pupil", "lesson_date"], folder: "progress_reports", fileKind: "progress report" },
  { app: "a housing charity's casework tool", thing: "case", things: "cases", table: "cases", key: "caseworker", cols: ["client_ref", "opened_on"], folder: "case_notes", fileKind: "case note" },
  { app: "a marina's berth register", thing: "berth", things: "berths", table: "berths", key: "pontoon", cols: ["boat_name", "length_m"], folder: "insurance_docs", fileKind: "insurance document" },
  { app: "an escape room's booking system", thing: "game", things: "games", table: "escape_bookings", key: "room_name", cols: ["team_name", "start_time"], folder: "team_photos", fileKind: "team photo" },
  { app: "a scout group's badge tracker", thing: "badge", things: "badges", table: "badges", key: "section", cols: ["scout_name", "awarded_on"], folder: "badge_records", fileKind: "badge record" },
  { app: "our bakery's wholesale orders", thing: "loaf", things: "loaves", table: "wholesale_orders", key: "cafe", cols: ["bread_type", "quantity"], folder: "delivery_slips", fileKind: "delivery slip" },
  { app: "a cat sitting business", thing: "visit", things: "visits", table: "cat_visits", key: "cat_name", cols: ["address", "visit_date"], folder: "visit_reports", fileKind: "visit report" },
  { app: "the museum's collection database", thing: "object", things: "objects", table: "collection_objects", key: "gallery", cols: ["accession_number", "era"], folder: "object_images", fileKind: "object image" },
  { app: "a karate club's gradings", thing: "grading", things: "gradings", table: "gradings", key: "belt", cols: ["student", "graded_on"], folder: "grading_sheets", fileKind: "grading sheet" },
  { app: "a conference's talk submissions", thing: "talk", things: "talks", table: "talk_submissions", key: "track", cols: ["speaker", "talk_title"], folder: "slides", fileKind: "slide deck" },
  { app: "a window cleaner's round", thing: "house", things: "houses", table: "round_houses", key: "street", cols: ["house_number", "last_cleaned"], folder: "invoices", fileKind: "round invoice" },
  { app: "a laundry service's pickups", thing: "pickup", things: "pickups", table: "pickups", key: "depot", cols: ["customer_ref", "bag_count"], folder: "tickets", fileKind: "laundry ticket" },
  { app: "a bookshop's special orders", thing: "request", things: "requests", table: "special_orders", key: "publisher", cols: ["book_title", "ordered_on"], folder: "order_forms", fileKind: "order form" },
  { app: "a hospital volunteer roster", thing: "shift", things: "shifts", table: "volunteer_shifts", key: "ward", cols: ["volunteer_name", "shift_date"], folder: "rota_pdfs", fileKind: "rota PDF" },
  { app: "a solar installer's site surveys", thing: "survey", things: "surveys", table: "site_surveys", key: "installer", cols: ["postcode", "roof_pitch"], folder: "survey_photos", fileKind: "survey photo" },
  { app: "a pottery studio's kiln log", thing: "firing", things: "firings", table: "kiln_firings", key: "kiln", cols: ["glaze", "fired_on"], folder: "firing_charts", fileKind: "firing chart" },
  { app: "an ice cream van's route planner", thing: "stop", things: "stops", table: "route_stops", key: "route", cols: ["street_name", "arrival_time"], folder: "route_maps", fileKind: "route map" },
  { app: "a skate shop's board builds", thing: "build", things: "builds", table: "board_builds", key: "deck_brand", cols: ["customer_name", "wheel_size"], folder: "build_sheets", fileKind: "build sheet" },
  { app: "the council's allotment waiting list", thing: "applicant", things: "applicants", table: "waiting_list", key: "ward_name", cols: ["full_name", "applied_on"], folder: "applications", fileKind: "application form" },
  { app: "a piano tuner's client book", thing: "tuning", things: "tunings", table: "tunings", key: "piano_make", cols: ["client", "tuned_on"], folder: "service_notes", fileKind: "service note" },
  { app: "a beekeeping association's hive log", thing: "hive", things: "hives", table: "hives", key: "apiary", cols: ["hive_number", "queen_marked"], folder: "inspection_sheets", fileKind: "inspection sheet" },
  { app: "a cinema's screening schedule", thing: "screening", things: "screenings", table: "screenings", key: "screen", cols: ["film_title", "starts_at"], folder: "trailers", fileKind: "trailer file" },
  { app: "a taxi firm's dispatch board", thing: "job", things: "jobs", table: "taxi_jobs", key: "driver_id", cols: ["pickup_address", "booked_for"], folder: "receipts", fileKind: "ride receipt" },
  { app: "a fishing club's catch returns", thing: "catch", things: "catches", table: "catch_returns", key: "water", cols: ["angler", "weight_lb"], folder: "catch_photos", fileKind: "catch photo" },
  { app: "a nursery's daily diary", thing: "entry", things: "entries", table: "diary_entries", key: "room", cols: ["child_name", "entry_date"], folder: "daily_photos", fileKind: "daily photo" },
  { app: "our rugby club's kit orders", thing: "kit", things: "kits", table: "kit_orders", key: "team", cols: ["player", "shirt_size"], folder: "kit_designs", fileKind: "kit design" },
  { app: "a carpet shop's quote tool", thing: "quote", things: "quotes", table: "carpet_quotes", key: "fitter", cols: ["customer", "room_area"], folder: "room_plans", fileKind: "room plan" },
  { app: "a radio station's playlist log", thing: "play", things: "plays", table: "playlist", key: "presenter", cols: ["track_title", "played_at"], folder: "cue_sheets", fileKind: "cue sheet" },
  { app: "a charity shop's donations till", thing: "sale", things: "sales", table: "till_sales", key: "shop", cols: ["item_name", "price"], folder: "till_reports", fileKind: "till report" },
  { app: "the village hall booking calendar", thing: "hire", things: "hires", table: "hall_hires", key: "room", cols: ["hirer", "hire_date"], folder: "hire_forms", fileKind: "hire form" },
  { app: "a model railway club's stock list", thing: "loco", things: "locos", table: "locomotives", key: "gauge", cols: ["loco_name", "built_year"], folder: "loco_photos", fileKind: "loco photo" },
  { app: "a garage's MOT reminders", thing: "reminder", things: "reminders", table: "mot_reminders", key: "registration", cols: ["owner_name", "due_date"], folder: "mot_certificates", fileKind: "MOT certificate" },
  { app: "a coffee roaster's green bean stock", thing: "lot", things: "lots", table: "bean_lots", key: "origin", cols: ["lot_code", "roast_level"], folder: "cupping_notes", fileKind: "cupping note" },
  { app: "a tattoo studio's consultations", thing: "consultation", things: "consultations", table: "consultations", key: "artist", cols: ["client_name", "booked_on"], folder: "design_sketches", fileKind: "design sketch" },
];

/** "customer_id" -> "customer id": how a column reads in prose. */
export function spoken(column: string): string {
  return column.replace(/_/g, " ");
}
