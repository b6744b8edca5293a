// Baseline for the cold-start measurement: the smallest console app.
Console.WriteLine("hello");
