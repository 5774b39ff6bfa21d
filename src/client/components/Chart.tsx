import { useEffect, useRef } from "react";

// ECharts, loaded only on pages with a chart (it is most of a dashboard's weight), with just the
// parts the hub uses and the SVG renderer (crisp when printed). Every chart has a table beside it
// with the same figures: the chart is a picture of the table, and screen readers are told so.
type EChartsOption = Record<string, unknown>;

async function loadEcharts() {
  const [core, charts, components, renderers] = await Promise.all([
    import("echarts/core"),
    import("echarts/charts"),
    import("echarts/components"),
    import("echarts/renderers"),
  ]);
  core.use([
    charts.LineChart,
    charts.BarChart,
    components.GridComponent,
    components.TooltipComponent,
    components.LegendComponent,
    components.MarkLineComponent,
    components.AriaComponent,
    renderers.SVGRenderer,
  ]);
  return core;
}

/** GOV.UK colours, in the order series take them. */
export const CHART_COLOURS = ["#1d70b8", "#f47738", "#00703c", "#d4351c", "#4c2c92", "#505a5f"];

export function Chart({
  option,
  label,
  height = 320,
  onClick,
  alternative = "the table with it holds the same figures",
}: {
  option: EChartsOption;
  label: string;
  height?: number;
  /** Called with the clicked item's data (for example a roadmap node). */
  onClick?: (data: unknown) => void;
  /** Where the same information is in words, for screen readers. */
  alternative?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    loadEcharts().then((echarts) => {
      if (disposed || !box.current) return;
      const chart = echarts.init(box.current, undefined, { renderer: "svg" });
      chart.setOption({
        color: CHART_COLOURS,
        animation: false,
        textStyle: { fontFamily: "system-ui, sans-serif" },
        ...option,
      });
      if (onClick) chart.on("click", (params: { data?: unknown }) => onClick(params.data));
      const resize = () => chart.resize();
      window.addEventListener("resize", resize);
      dispose = () => {
        window.removeEventListener("resize", resize);
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option, onClick]);
  return (
    <div
      ref={box}
      role="img"
      aria-label={`${label} (chart; ${alternative})`}
      className="app-chart"
      style={{ height }}
    />
  );
}
