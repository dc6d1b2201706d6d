using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// A native Word chart: a chart part (c:chartSpace) with its cached values plus an embedded workbook holding the
/// same figures, so "Edit data" in Word opens them. A picture would be neither editable nor accessible.
/// </summary>
internal static class ReportChartWriter
{
    // Fixed relationship ids and drawing ids keep regenerated reports identical.
    public const string ChartRelationshipId = "rIdReportChart";
    const string WorkbookRelationshipId = "rIdReportChartData";
    const uint DrawingId = 1001;

    /// <param name="categories">One per bar (focus areas).</param>
    /// <param name="series">Name, colour (RRGGBB) and one value per category.</param>
    /// <returns>The paragraph that shows the chart, to be written where the chart belongs.</returns>
    public static W.Paragraph Add(MainDocumentPart main, DateOnly reportDate, string sheetName, string categoryHeader, string description,
        IReadOnlyList<string> categories, IReadOnlyList<ReportChartSeries> series)
    {
        categories = categories.Select(c => ReportTextSanitizer.Truncate(ReportTextSanitizer.Clean(c), 250, "…")).ToList();
        var chartPart = main.AddNewPart<ChartPart>(ChartRelationshipId);
        var workbook = chartPart.AddNewPart<EmbeddedPackagePart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", WorkbookRelationshipId);
        using (var xlsx = new MemoryStream())
        using (var reproducible = new MemoryStream())
        {
            WriteWorkbook(xlsx, sheetName, categoryHeader, categories, series);
            xlsx.Position = 0;
            ReportPackageNormalizer.Rewrite(xlsx, reproducible, reportDate);
            reproducible.Position = 0;
            workbook.FeedData(reproducible);
        }

        var sheetRef = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'!";
        var barChart = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Stacked },
            new C.VaryColors { Val = false });
        for (var s = 0; s < series.Count; s++)
        {
            var column = ColumnName(s + 1);
            barChart.AppendChild(new C.BarChartSeries(
                new C.Index { Val = (uint)s },
                new C.Order { Val = (uint)s },
                new C.SeriesText(new C.StringReference(
                    new C.Formula($"{sheetRef}${column}$1"),
                    new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(ReportTextSanitizer.Clean(series[s].Name))) { Index = 0 }))),
                SeriesLook(series[s]),
                new C.InvertIfNegative { Val = false },
                new C.CategoryAxisData(new C.StringReference(
                    new C.Formula($"{sheetRef}$A$2:$A${categories.Count + 1}"),
                    StringCache(categories))),
                new C.Values(new C.NumberReference(
                    new C.Formula($"{sheetRef}${column}$2:${column}${categories.Count + 1}"),
                    NumberCache(series[s].Values)))));
        }

        barChart.Append(
            new C.GapWidth { Val = 60 },
            new C.Overlap { Val = 100 },
            new C.AxisId { Val = 101u },
            new C.AxisId { Val = 102u });

        var textProperties = new C.TextProperties(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 900 }), new A.EndParagraphRunProperties { Language = "sv-SE" }));

        var chartSpace = new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.AutoTitleDeleted { Val = true },
                new C.PlotArea(
                    new C.Layout(),
                    barChart,
                    new C.CategoryAxis(
                        new C.AxisId { Val = 101u },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
                        new C.MajorTickMark { Val = C.TickMarkValues.None },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 102u },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = 100 },
                        new C.NoMultiLevelLabels { Val = false }),
                    new C.ValueAxis(
                        new C.AxisId { Val = 102u },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Top },
                        new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })))),
                        new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.None },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 101u },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            textProperties,
            new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = WorkbookRelationshipId });
        chartPart.ChartSpace = chartSpace;
        chartSpace.Save();

        // Height grows with the number of bars so labels stay readable.
        long cx = 5_976_000, cy = Math.Clamp(900_000 + (categories.Count * 420_000L), 2_400_000, 7_800_000);
        return new W.Paragraph(new W.Run(new W.Drawing(
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline(
                new DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent { Cx = cx, Cy = cy },
                new DocumentFormat.OpenXml.Drawing.Wordprocessing.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties { Id = DrawingId, Name = "StatusChart", Description = ReportTextSanitizer.Clean(description) },
                new DocumentFormat.OpenXml.Drawing.Wordprocessing.NonVisualGraphicFrameDrawingProperties(),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = ChartRelationshipId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            {
                DistanceFromTop = 0u,
                DistanceFromBottom = 0u,
                DistanceFromLeft = 0u,
                DistanceFromRight = 0u,
            })));
    }

    static C.StringCache StringCache(IReadOnlyList<string> values)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            cache.AppendChild(new C.StringPoint(new C.NumericValue(values[i])) { Index = (uint)i });
        }

        return cache;
    }

    static C.NumberingCache NumberCache(IReadOnlyList<int> values)
    {
        var cache = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            cache.AppendChild(new C.NumericPoint(new C.NumericValue(values[i].ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        return cache;
    }

    static void WriteWorkbook(Stream output, string sheetName, string categoryHeader, IReadOnlyList<string> categories,
        IReadOnlyList<ReportChartSeries> series)
    {
        using var xlsx = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = xlsx.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook"); // AddWorkbookPart() would pick a random relationship id
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>("rIdSheet1");
        var data = new SheetData();
        var header = new Row { RowIndex = 1u };
        header.AppendChild(TextCell("A1", categoryHeader));
        for (var s = 0; s < series.Count; s++)
        {
            header.AppendChild(TextCell($"{ColumnName(s + 1)}1", series[s].Name));
        }

        data.AppendChild(header);
        for (var c = 0; c < categories.Count; c++)
        {
            var rowIndex = (uint)(c + 2);
            var row = new Row { RowIndex = rowIndex };
            row.AppendChild(TextCell($"A{rowIndex}", categories[c]));
            for (var s = 0; s < series.Count; s++)
            {
                row.AppendChild(new Cell
                {
                    CellReference = $"{ColumnName(s + 1)}{rowIndex}",
                    CellValue = new CellValue(series[s].Values[c]),
                });
            }

            data.AppendChild(row);
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = ReportTextSanitizer.Truncate(sheetName, 31, ""), SheetId = 1u, Id = "rIdSheet1" }));
    }

    static Cell TextCell(string reference, string text) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(ReportTextSanitizer.Truncate(ReportTextSanitizer.Clean(text), 32_000, ""))),
    };

    /// <summary>
    /// A solid fill, or for a hatched series a diagonal hatch with an outline: "no answer" must not look like any
    /// status, also when printed in greyscale.
    /// </summary>
    static C.ChartShapeProperties SeriesLook(ReportChartSeries series) =>
        series.Hatched
            ? new C.ChartShapeProperties(
                new A.PatternFill(
                    new A.ForegroundColor(new A.RgbColorModelHex { Val = series.Color }),
                    new A.BackgroundColor(new A.RgbColorModelHex { Val = "FFFFFF" }))
                { Preset = A.PresetPatternValues.WideUpwardDiagonal },
                new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = series.Color })) { Width = 9525 })
            : new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = series.Color }));

    static string ColumnName(int index) => ((char)('A' + index)).ToString();
}
