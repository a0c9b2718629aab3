// Verb dispatch: each verb lives in Verbs/ and ends its output with one "RESULT {json}" line (DESIGN.md §8).
Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/Delivery.Benchmarks -- VERB [options]");
return 2;
